/**
 * Phone and offline activation codecs (SPEC §10): the {@link dev.keyward.core.phone.InstallationId}
 * a machine reads out, and the {@link dev.keyward.core.phone.ConfirmationId} the authority answers
 * with, which the machine checks with the authority's public key alone.
 *
 * <ul>
 *   <li>Both are written in groups of six digits and a Damm check digit ({@link
 *       dev.keyward.core.phone.DigitGroups}); a mistyped group is named with 0xC004F04D.
 *   <li>The authority signs (with BouncyCastle's constant-time arithmetic, in the authority
 *       module); the machine checks with {@link dev.keyward.core.phone.PhoneVerifier} (0xC004F02C
 *       for a CID of another IID).
 *   <li>The signature is a half-size Schnorr signature over NIST P-256 (128-bit challenge, 48
 *       bytes, about 128-bit security), checked in plain Java: core depends on no cryptography
 *       library and holds no private key.
 * </ul>
 *
 * <p>See {@code docs/phone-activation.md} for the layouts and the reasoning.
 */
package dev.keyward.core.phone;
