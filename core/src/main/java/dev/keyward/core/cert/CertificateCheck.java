package dev.keyward.core.cert;

import dev.keyward.core.error.Failure;

/** The outcome of checking a certificate's signature against the trusted authority keys. */
public sealed interface CertificateCheck {
  record Valid(ActivationCertificate certificate) implements CertificateCheck {}

  record Invalid(Failure failure) implements CertificateCheck {}
}
