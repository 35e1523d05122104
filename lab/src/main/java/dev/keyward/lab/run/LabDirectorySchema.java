package dev.keyward.lab.run;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The schema a lab directory checks its entries against: the standard one plus Keyward's, read from
 * the same LDIF administrators load into OpenLDAP ({@code keyward-schema.ldif}, in {@code
 * cn=config} form), so the lab refuses what a real server would.
 */
final class LabDirectorySchema {
  static final String RESOURCE = "/dev/keyward/client/keyward-schema.ldif";

  private LabDirectorySchema() {}

  static Schema load() {
    try (InputStream in = LabDirectorySchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the client's " + RESOURCE + " is not on the class path");
      }
      Entry config = new LDIFReader(in).readEntry();
      Entry subschema =
          new Entry(
              "cn=schema",
              new Attribute("objectClass", "top", "subschema"),
              new Attribute("attributeTypes", values(config, "olcAttributeTypes")),
              new Attribute("objectClasses", values(config, "olcObjectClasses")));
      return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), new Schema(subschema));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LDIFException | com.unboundid.ldap.sdk.LDAPException e) {
      throw new IllegalStateException("Keyward's schema LDIF cannot be read: " + e.getMessage(), e);
    }
  }

  private static String[] values(Entry config, String attribute) {
    String[] values = config.getAttributeValues(attribute);
    if (values == null || values.length == 0) {
      throw new IllegalStateException("Keyward's schema LDIF has no " + attribute);
    }
    return values;
  }
}
