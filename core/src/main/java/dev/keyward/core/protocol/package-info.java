/**
 * The wire contract: one record per request and answer body of the authority's client routes
 * ({@code /v1/activate}, {@code /v1/deactivate}, {@code /v1/renew}, {@code /v1/phone}, {@code
 * /v1/admin/phone}, {@code /v1/admin/proxy}), each with one writer ({@code toMap}) and one reader
 * ({@code parse}, giving {@link dev.keyward.core.protocol.Parsed}) that the client and the
 * authority both use. Field names and JSON shapes are docs/api.md's; the authority's {@code
 * OpenApiTest} checks that openapi.json describes exactly these records' components.
 *
 * <p>The other wires keep their records where their rules live, with the same one-writer,
 * one-reader form: the volume host's request {@link dev.keyward.core.volume.VolumeRequest} and
 * answer {@link dev.keyward.core.volume.SignedVolumeGrant}, the VM host agent's {@link
 * dev.keyward.core.vmhost.VmActivationRequest}, and the proxy files {@link
 * dev.keyward.core.phone.ProxyRequest} and {@link dev.keyward.core.phone.ProxyResponse}.
 */
package dev.keyward.core.protocol;
