package dev.keyward.lab.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.schema.Schema;
import dev.keyward.core.directory.DirectorySchema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabDirectoriesTest {

  @Test
  void theBaseDnFollowsTheMachinesDomain() {
    assertThat(LabDirectories.base(Optional.of("contoso.lan"))).isEqualTo("dc=contoso,dc=lan");
    assertThat(LabDirectories.base(Optional.empty())).isEqualTo("dc=lab");
  }

  @Test
  void onlyStartAndStopAreTheLabsOwn() {
    assertThat(LabDirectories.handles(List.of("directory", "start"))).isTrue();
    assertThat(LabDirectories.handles(List.of("directory", "STOP"))).isTrue();
    assertThat(LabDirectories.handles(List.of("directory", "publish", "K"))).isFalse();
    assertThat(LabDirectories.handles(List.of("directory"))).isFalse();
    assertThat(LabDirectories.handles(List.of("volume-host", "start"))).isFalse();
  }

  @Test
  void theSchemaIsTheStandardOnePlusKeywardsLdif() {
    Schema schema = LabDirectorySchema.load();
    assertThat(schema.getObjectClass(DirectorySchema.OBJECT_CLASS)).isNotNull();
    assertThat(schema.getObjectClass(DirectorySchema.CONTAINER_CLASS)).isNotNull();
    assertThat(schema.getAttributeType(DirectorySchema.DISPLAY_NAME)).isNotNull();
    assertThat(schema.getObjectClass("domain")).isNotNull();
  }
}
