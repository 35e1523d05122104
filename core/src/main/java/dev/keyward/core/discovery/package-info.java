/**
 * Finding a volume activation host (SPEC §11): the {@code HOST[:PORT]} an administrator types and
 * the order RFC 2782 gives to the SRV records DNS answers. No I/O: the client does the lookups.
 */
package dev.keyward.core.discovery;
