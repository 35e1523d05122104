package dev.keyward.core.catalog;

/**
 * A public key of the activation authority that clients trust for certificates of this product.
 * Keys rotate by id: a certificate names the id of the key that signed it.
 *
 * @param id signing key id
 * @param ed25519 the Ed25519 public key, base64 (X.509 SubjectPublicKeyInfo encoding)
 */
public record TrustedKey(String id, String ed25519) {}
