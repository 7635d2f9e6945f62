package dev.wellspring.adapters.calendar;

import dev.wellspring.adapters.AdapterContext;
import dev.wellspring.adapters.crm.RecordingSink;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ICalendarAdapterTest {
  @Test
  void explore() throws Exception {
    RecordingSink sink = new RecordingSink();
    new ICalendarAdapter().read(Path.of("src/test/resources/calendar/google.ics"),
        new AdapterContext("alice", Map.of("bob@wellspring.test", "bob"), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 1, 1)), sink);
    sink.records.forEach(r -> System.out.println(r.line() + " " + r.fields()));
    System.out.println(sink.excluded + " " + sink.rejected + " " + sink.warnings);
    RecordingSink sink2 = new RecordingSink();
    new ICalendarAdapter().read(Path.of("src/test/resources/calendar/outlook.ics"),
        new AdapterContext(null, Map.of("bob@wellspring.test", "bob"), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 1, 1)), sink2);
    sink2.records.forEach(r -> System.out.println(r.line() + " " + r.fields()));
    System.out.println(sink2.excluded + " " + sink2.rejected + " " + sink2.warnings);
  }
}
