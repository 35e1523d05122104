package dev.keyward.core.evidence;

import java.time.Instant;

/**
 * One file of an evidence pack as the manifest records it.
 *
 * @param path the file's path inside the pack ({@code files/...}, forward slashes)
 * @param kind what it is
 * @param sha256 lower-case hex SHA-256 of its bytes
 * @param size its length in bytes
 * @param recordedAt when it was collected or added
 */
public record EvidenceEntry(
    String path, EvidenceKind kind, String sha256, long size, Instant recordedAt) {}
