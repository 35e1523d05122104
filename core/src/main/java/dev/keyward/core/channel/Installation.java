package dev.keyward.core.channel;

/**
 * What is installed on a machine: the product, its version and its edition (`keyward init`, or what
 * an installer records). Every key check starts from it.
 */
public record Installation(String product, String version, String edition) {}
