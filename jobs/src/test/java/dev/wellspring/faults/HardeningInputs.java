package dev.wellspring.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A small, deterministic input folder for the end-to-end hardening tests: two owners (one named
 * like a spreadsheet formula), 30 contacts, 3 goals, {@code n} activities, 20 outcomes, 2 bad rows,
 * and planted personal data: e-mail addresses and phone numbers in notes, in the contacts' email
 * column and in a LinkedIn-style source field, none of which may reach any output.
 */
final class HardeningInputs {
  /** Substrings of the planted personal data; none may appear in any output. */
  static final List<String> PLANTED =
      List.of("@planted.example", "@mail.example", "7946 0", "415 555", "zed.quill");

  static final String OWNER = "ann";

  /** An owner whose name a spreadsheet would run as a formula. */
  static final String FORMULA_OWNER = "=2+3";

  /** A goal id a spreadsheet would run as a formula. */
  static final String FORMULA_GOAL = "+g2";

  private HardeningInputs() {}

  static void write(Path dir, int activities) throws IOException {
    Files.createDirectories(dir);
    String[] rel = {"customer", "prospect", "partner", "media", "peer", "other"};
    StringBuilder c = new StringBuilder("contact_id,full_name,email,company,relationship,source\n");
    for (int k = 1; k <= 30; k++) {
      c.append(
          String.format(
              "c%02d,Person %d,person%d.x@planted.example,Co %d,%s,\"LinkedIn (+1 415 555 01%02d, zed.quill%d@planted.example)\"%n",
              k, k, k, k % 4, rel[k % rel.length], k, k));
    }
    Files.writeString(dir.resolve("contacts.csv"), c, StandardCharsets.UTF_8);

    Files.writeString(
        dir.resolve("goals.csv"),
        "goal_id,owner,category,title,target_value,starts_on,ends_on\n"
            + "g1,ann,speaking,Keynotes,3,2025-10-01,2026-06-30\n"
            + "\""
            + FORMULA_GOAL
            + "\",ann,publicity,TV,2,2025-11-01,2026-03-31\n"
            + "g3,\""
            + FORMULA_OWNER
            + "\",partners,Partners,5,2025-09-01,2026-12-31\n",
        StandardCharsets.UTF_8);

    String[] types = {
      "meeting", "call", "email", "message", "event", "intro_received", "intro_made", "social_post"
    };
    StringBuilder a =
        new StringBuilder(
            "activity_id,owner,occurred_at,type,contact_id,duration_minutes,cost,goal_id,context,introduced_contact_id,channel,notes\n");
    LocalDate start = LocalDate.of(2025, 10, 1);
    for (int i = 1; i <= activities; i++) {
      String owner = i % 5 == 0 ? FORMULA_OWNER : OWNER;
      String type = types[i % types.length];
      String contact = i % 11 == 0 ? "" : String.format("c%02d", (i * 7) % 30 + 1);
      String duration = i % 3 == 0 ? "" : String.valueOf((i % 4) * 15);
      String cost = i % 9 == 0 ? "25" : "";
      String goal = i % 6 == 0 ? "g1" : i % 6 == 1 ? FORMULA_GOAL : i % 10 == 5 ? "g3" : "";
      String context = i % 7 == 0 ? "business" : "";
      String introduced = type.startsWith("intro") ? String.format("c%02d", (i * 3) % 30 + 1) : "";
      String channel = i % 4 == 0 ? "LinkedIn" : "";
      String notes =
          i % 10 == 0
              ? "\"call back on +44 20 7946 0"
                  + String.format("%03d", i % 1000)
                  + " or mail planted"
                  + i
                  + "@mail.example\""
              : "note " + i;
      a.append(
              String.join(
                  ",",
                  String.format("a%04d", i),
                  "\"" + owner + "\"",
                  start.plusDays((i * 37L) % 180)
                      + "T"
                      + String.format("%02d", 8 + i % 10)
                      + ":00:00Z",
                  type,
                  contact,
                  duration,
                  cost,
                  "\"" + goal + "\"",
                  context,
                  introduced,
                  channel,
                  notes))
          .append('\n');
    }
    // Two bad rows: their raw text, with its personal data masked, goes to rejects.csv.
    a.append("=bad1,ann,someday,call,c01,,,,,,,mail zed.quill@planted.example\n");
    a.append("bad2,ann,2026-01-01,lunch,c02,,,,,,,+1 415 555 0100\n");
    Files.writeString(dir.resolve("activities.csv"), a, StandardCharsets.UTF_8);

    String[] outcomeTypes = {"speaking", "publicity", "revenue", "partners"};
    StringBuilder o =
        new StringBuilder("outcome_id,owner,occurred_at,type,value,contact_id,goal_id,notes\n");
    for (int k = 1; k <= 20; k++) {
      String owner = k % 5 == 0 ? FORMULA_OWNER : OWNER;
      String contact = k % 2 == 1 ? String.format("c%02d", (k * 7) % 30 + 1) : "";
      String goal = k % 2 == 0 ? (k % 4 == 0 ? "g1" : FORMULA_GOAL) : "";
      o.append(
              String.join(
                  ",",
                  String.format("o%02d", k),
                  "\"" + owner + "\"",
                  LocalDate.of(2026, 1, 1).plusDays(k * 4L) + "T12:00:00Z",
                  outcomeTypes[k % 4],
                  String.valueOf(k * 100),
                  contact,
                  "\"" + goal + "\"",
                  "thanks via person" + k + ".x@planted.example"))
          .append('\n');
    }
    Files.writeString(dir.resolve("outcomes.csv"), o, StandardCharsets.UTF_8);
  }

  /** Report templates planted in the input folder; they must have no effect. */
  static void plantTemplates(Path dir) throws IOException {
    String evil =
        "<?xml version=\"1.0\"?><jasperReport name=\"evil\" pageWidth=\"595\" pageHeight=\"842\">"
            + "<title height=\"50\"><element kind=\"staticText\" width=\"500\" height=\"40\">"
            + "<text>PWNED BY INPUT TEMPLATE</text></element></title></jasperReport>\n";
    Files.writeString(dir.resolve("report.jrxml"), evil);
    Path nested = Files.createDirectories(dir.resolve("dev/wellspring/report"));
    Files.writeString(nested.resolve("report.jrxml"), evil);
    Files.writeString(nested.resolve("table3.jrxml"), evil);
  }
}
