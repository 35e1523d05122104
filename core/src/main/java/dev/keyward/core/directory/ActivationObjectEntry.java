package dev.keyward.core.directory;

import dev.keyward.core.cert.SignedCertificate;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An activation object as LDAP attributes and back ({@link DirectorySchema}), as plain maps from
 * attribute name to values so that it stays free of any LDAP library. Reading is strict: every
 * required attribute exactly once, the group an INTEGER, the time a GeneralizedTime in UTC, the
 * certificate a readable signed certificate, the signature base64; anything else is {@link
 * ObjectReading.Malformed} with 0xC0DE0032, never an exception.
 */
public final class ActivationObjectEntry {
  /** Longest value read from any attribute: a certificate's JSON is about 1.5 KB. */
  static final int MAX_VALUE = 16 * 1024;

  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");

  private ActivationObjectEntry() {}

  /** The attributes to add, object classes included. */
  public static Map<String, List<String>> attributes(ActivationObject o) {
    Map<String, List<String>> a = new LinkedHashMap<>();
    a.put("objectClass", List.of("top", DirectorySchema.OBJECT_CLASS));
    a.put(DirectorySchema.CN, List.of(o.id().orElseThrow()));
    a.put(DirectorySchema.DISPLAY_NAME, List.of(o.name()));
    a.put(DirectorySchema.PRODUCT, List.of(o.product()));
    a.put(DirectorySchema.VERSION, List.of(o.version()));
    a.put(DirectorySchema.FAMILY, List.of(o.family()));
    a.put(DirectorySchema.KEY_GROUP, List.of(Integer.toString(o.keyGroup())));
    a.put(DirectorySchema.HOST_CERTIFICATE, List.of(o.hostCertificate().toJsonText()));
    a.put(DirectorySchema.PUBLISHED_AT, List.of(generalizedTime(o.publishedAt())));
    a.put(DirectorySchema.SIGNATURE, List.of(Base64.getEncoder().encodeToString(o.signature())));
    return a;
  }

  public static String generalizedTime(Instant at) {
    return GENERALIZED_TIME.format(at);
  }

  /** Reads an entry's attributes (names in any case) as an object. */
  public static ObjectReading read(String dn, Map<String, List<String>> attributes) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    attributes.forEach((k, v) -> byName.put(k.toLowerCase(Locale.ROOT), v));
    try {
      String group = single(byName, DirectorySchema.KEY_GROUP);
      if (!INTEGER.matcher(group).matches()) {
        throw new IllegalArgumentException(
            DirectorySchema.KEY_GROUP + " is '" + clip(group) + "', not an INTEGER");
      }
      SignedCertificate cert =
          SignedCertificate.fromJsonText(single(byName, DirectorySchema.HOST_CERTIFICATE))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          DirectorySchema.HOST_CERTIFICATE + " is not a signed certificate"));
      ActivationObject o =
          new ActivationObject(
              single(byName, DirectorySchema.DISPLAY_NAME),
              single(byName, DirectorySchema.PRODUCT),
              single(byName, DirectorySchema.VERSION),
              single(byName, DirectorySchema.FAMILY),
              Integer.parseInt(group),
              cert,
              time(single(byName, DirectorySchema.PUBLISHED_AT)),
              signature(single(byName, DirectorySchema.SIGNATURE)));
      String cn = single(byName, DirectorySchema.CN);
      if (!Optional.of(cn).equals(o.id())) {
        throw new IllegalArgumentException("its cn '" + clip(cn) + "' is not its key's id");
      }
      return new ObjectReading.Read(dn, o);
    } catch (IllegalArgumentException e) {
      return new ObjectReading.Malformed(
          dn,
          Failure.of(
              ErrorCode.ACTIVATION_OBJECT_MALFORMED,
              "The entry " + dn + " is not an activation object: " + e.getMessage() + "."));
    }
  }

  private static String single(Map<String, List<String>> byName, String attribute) {
    List<String> values = byName.get(attribute.toLowerCase(Locale.ROOT));
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(attribute + " is missing");
    }
    if (values.size() > 1) {
      throw new IllegalArgumentException(attribute + " has " + values.size() + " values, not one");
    }
    String v = values.get(0);
    if (v == null || v.isBlank() || v.length() > MAX_VALUE) {
      throw new IllegalArgumentException(attribute + " is empty or too long");
    }
    return v;
  }

  private static Instant time(String text) {
    try {
      return Instant.from(GENERALIZED_TIME.parse(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          DirectorySchema.PUBLISHED_AT + " is '" + clip(text) + "', not a GeneralizedTime in UTC");
    }
  }

  private static byte[] signature(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(DirectorySchema.SIGNATURE + " is not base64");
    }
  }

  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
