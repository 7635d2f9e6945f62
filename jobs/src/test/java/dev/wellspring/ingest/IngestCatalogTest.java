package dev.wellspring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import dev.wellspring.ingest.canonical.InputFile;
import dev.wellspring.ingest.staging.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classifying the input folder by file name and header (driver side, no Spark). */
class IngestCatalogTest {
  @TempDir Path in;

  private static final String ACTIVITIES_HEADER = "activity_id,owner,occurred_at,type\n";

  private void write(String name, String content) throws IOException {
    Path p = in.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  @Test
  void namedFilesByHeaderFilesAndUnrecognisedFilesInDeterministicOrder() throws IOException {
    write("activities-0002.csv", ACTIVITIES_HEADER);
    write("activities-0001.csv", ACTIVITIES_HEADER);
    write("Activities.CSV", "\uFEFFType,Owner,Occurred_At,Activity_Id\n");
    write("contacts.csv", "contact_id,full_name\n");
    write("crm/export.csv", "OWNER,activity_id,type,occurred_at,deal\n");
    write("linkedin/Profile.csv", "First Name,Last Name,Headline\nAnn,Lee,Speaker\n");
    write("notes.txt", "just some notes\n");
    Files.write(in.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});

    InputCatalog c = InputCatalog.scan(in, List.of());

    assertThat(c.files())
        .extracting(InputFile::name, InputFile::kind, InputFile::order)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Activities.CSV", Kind.ACTIVITIES, 0),
            org.assertj.core.groups.Tuple.tuple("activities-0001.csv", Kind.ACTIVITIES, 1),
            org.assertj.core.groups.Tuple.tuple("activities-0002.csv", Kind.ACTIVITIES, 2),
            org.assertj.core.groups.Tuple.tuple("contacts.csv", Kind.CONTACTS, 3),
            org.assertj.core.groups.Tuple.tuple("crm/export.csv", Kind.ACTIVITIES, 4));
    assertThat(c.unrecognised()).containsExactly("linkedin/Profile.csv", "notes.txt", "photo.png");
  }

  @Test
  void aNamedFileMissingARequiredColumnIsUnusableAndNamesFileAndColumn() throws IOException {
    write("activities.csv", "activity_id,owner,type,notes\na1,ann,call,x\n");

    assertThatThrownBy(() -> InputCatalog.scan(in, List.of()))
        .isInstanceOf(WellspringException.class)
        .hasMessage("activities.csv: missing required column occurred_at")
        .extracting(e -> ((WellspringException) e).exitCode())
        .isEqualTo(WellspringException.UNUSABLE);
  }

  @Test
  void severalMissingColumnsAreAllNamed() throws IOException {
    write("activities.csv", ACTIVITIES_HEADER);
    write("goals-0001.csv", "goal_id,category,starts_on\n");

    assertThatThrownBy(() -> InputCatalog.scan(in, List.of()))
        .isInstanceOf(WellspringException.class)
        .hasMessage("goals-0001.csv: missing required columns owner, ends_on");
  }

  @Test
  void aNamedFileThatIsNotCsvTextIsUnusable() throws IOException {
    write("activities.csv", ACTIVITIES_HEADER);
    Files.write(in.resolve("outcomes.csv"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
    assertThatThrownBy(() -> InputCatalog.scan(in, List.of()))
        .isInstanceOf(WellspringException.class)
        .hasMessage("outcomes.csv: not a CSV text file (binary content)");

    Files.write(
        in.resolve("outcomes.csv"), new byte[] {'o', 'u', 't', (byte) 0xC3, (byte) 0x28, '\n'});
    assertThatThrownBy(() -> InputCatalog.scan(in, List.of()))
        .isInstanceOf(WellspringException.class)
        .hasMessage("outcomes.csv: not a CSV text file (not UTF-8)");

    write("outcomes.csv", "\n\n");
    assertThatThrownBy(() -> InputCatalog.scan(in, List.of()))
        .isInstanceOf(WellspringException.class)
        .hasMessage("outcomes.csv: empty file (no header line)");
  }

  @Test
  void aFolderWithoutActivitiesIsUnusable() throws IOException {
    write("contacts.csv", "contact_id,full_name\nc1,Ann\n");

    assertThatThrownBy(() -> InputCatalog.scan(in, List.of()))
        .isInstanceOf(WellspringException.class)
        .hasMessageStartingWith(
            in + ": no activities (expected activities.csv or a CSV file with columns")
        .hasMessageEndingWith("activity_id, owner, occurred_at, type)");
  }

  @Test
  void aMissingInputFolderIsUnusable() {
    Path missing = in.resolve("nope");
    assertThatThrownBy(() -> InputCatalog.scan(missing, List.of()))
        .isInstanceOf(WellspringException.class)
        .hasMessage(missing + ": input folder not found");
  }
}
