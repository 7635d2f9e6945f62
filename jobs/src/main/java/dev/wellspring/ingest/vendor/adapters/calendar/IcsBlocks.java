package dev.wellspring.ingest.vendor.adapters.calendar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An iCalendar file cut into its top-level components with their physical lines, so each VEVENT is
 * parsed (and can fail) alone, and rejects point at the line where it starts.
 *
 * @param components the components directly inside VCALENDAR, VTIMEZONE excepted, in file order
 * @param timeZones every VTIMEZONE block, to put beside each component when it is parsed
 * @param calendarName the value of X-WR-CALNAME (Google writes the account's e-mail), or empty
 */
record IcsBlocks(List<Block> components, String timeZones, String calendarName) {

  /** One component: its name (VEVENT, VTODO, ...), first line and text as written. */
  record Block(String name, long line, String raw) {}

  static IcsBlocks split(String text, Path file) throws IOException {
    List<Block> components = new ArrayList<>();
    StringBuilder timeZones = new StringBuilder();
    String calendarName = "";
    boolean inCalendar = false;
    int depth = 0;
    String current = null;
    int blockStart = 0;
    long blockLine = 0;
    long lineNo = 0;
    int pos = 0;
    while (pos < text.length()) {
      int end = pos;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      int next = end;
      if (next < text.length() && text.charAt(next) == '\r') {
        next++;
      }
      if (next < text.length() && text.charAt(next) == '\n') {
        next++;
      }
      lineNo++;
      String line = text.substring(pos, end);
      String upper = line.strip().toUpperCase(Locale.ROOT);
      if (upper.startsWith("BEGIN:")) {
        String name = upper.substring(6).strip();
        if (!inCalendar && name.equals("VCALENDAR")) {
          inCalendar = true;
        } else if (inCalendar) {
          if (depth == 0) {
            current = name;
            blockStart = pos;
            blockLine = lineNo;
          }
          depth++;
        }
      } else if (upper.startsWith("END:") && inCalendar) {
        String name = upper.substring(4).strip();
        if (depth == 0 && name.equals("VCALENDAR")) {
          inCalendar = false;
        } else if (depth > 0) {
          depth--;
          if (depth == 0) {
            String raw = text.substring(blockStart, end);
            if (current.equals("VTIMEZONE")) {
              timeZones.append(raw).append("\r\n");
            } else {
              components.add(new Block(current, blockLine, raw));
            }
            current = null;
          }
        }
      } else if (inCalendar && depth == 0 && upper.startsWith("X-WR-CALNAME")) {
        int colon = line.indexOf(':');
        calendarName = colon < 0 ? "" : line.substring(colon + 1).strip();
      }
      pos = next;
    }
    if (!text.strip().toUpperCase(Locale.ROOT).startsWith("BEGIN:VCALENDAR")) {
      throw new IOException(file.getFileName() + " is not an iCalendar file: no BEGIN:VCALENDAR");
    }
    if (current != null) {
      throw new IOException(
          file.getFileName()
              + " is not a complete iCalendar file: "
              + current
              + " opened on line "
              + blockLine
              + " never ends");
    }
    return new IcsBlocks(List.copyOf(components), timeZones.toString(), calendarName);
  }
}
