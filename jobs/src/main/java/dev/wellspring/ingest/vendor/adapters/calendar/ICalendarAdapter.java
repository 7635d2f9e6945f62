package dev.wellspring.ingest.vendor.adapters.calendar;

import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.DecodedText;
import dev.wellspring.ingest.vendor.adapters.common.Fields;
import dev.wellspring.ingest.vendor.adapters.common.Numbers;
import dev.wellspring.ingest.vendor.adapters.common.OwnerIdentities;
import dev.wellspring.ingest.vendor.adapters.common.Owners;
import dev.wellspring.ingest.vendor.adapters.common.Text;
import dev.wellspring.ingest.vendor.adapters.common.Timestamps;
import dev.wellspring.privacy.Sha256;
import dev.wellspring.schema.Tables;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * iCalendar files ({@code .ics}) as Google Calendar and Outlook export them, read with ical4j. One
 * source row is one {@code VEVENT} (its line is that of {@code BEGIN:VEVENT}, its raw text the
 * block as written, folds included); {@code VTODO}, {@code VJOURNAL} and other components are
 * excluded as {@code not_an_event}; {@code VTIMEZONE}s are definitions, not rows.
 *
 * <p>The calendar's owner is, per event: the ORGANIZER when the owner map knows that e-mail; else
 * the first attendee the owner map knows; else {@link AdapterContext#owner()} (--owner), whose own
 * address is the calendar's {@code X-WR-CALNAME} when that is an e-mail (Google writes it so). No
 * owner at all is {@code missing_required}. The owner's own entries are not contacts: that address,
 * every {@link OwnerIdentities} address ({@code owner_emails}, {@code owner_map} e-mail keys), and
 * a participant whose CN is an owner's full name (the owner's own calendar, an address not listed).
 *
 * <p>An event becomes one {@code meeting} activity per occurrence and per other participant
 * (attendees, and the organizer when it is someone else) with an e-mail, except rooms and resources
 * and attendees who declined; ingest then shares the event's duration among those touches ({@code
 * ingest.SharedTouches}), so a meeting's hours count once. Its contact is the e-mail-scoped key
 * {@code email:<address>}: identity resolution maps it to a known contact with that e-mail, or
 * leaves it an unknown contact (relationship other). Activity ids are {@code ics-<UID>|<recurrence
 * id>|<first 12 hex digits of SHA-256 of the e-mail>}, the recurrence id empty for a single event
 * and otherwise the occurrence's start ({@code 20260304T170000Z}, or {@code 20260304} all-day), the
 * same value an override's RECURRENCE-ID carries.
 *
 * <p>Times: UTC, TZID (the file's VTIMEZONE, else ical4j's bundled zones) and floating values (read
 * as UTC, as DESIGN.md reads a time without offset) become UTC instants; all-day events are dated
 * by their day, with the duration left empty so the per-type default applies. A timed event lasts
 * DTEND - DTSTART (or DURATION); with neither, the duration is left empty too.
 *
 * <p>Recurring events (RRULE/RDATE, minus EXDATEs and minus instances that an override event with
 * the same UID replaces) are expanded from {@link AdapterContext#periodStart()} to the end of
 * {@link AdapterContext#runDate()}; a series with no occurrence there is excluded as {@code
 * outside_period}. Single events are kept whatever their date (ingest scopes them).
 *
 * <p>Excluded, counted: {@code cancelled} (STATUS:CANCELLED), {@code declined} (the owner declined,
 * or every other participant did), {@code no_attendees} (a private appointment). Rejected: {@code
 * missing_required} (no UID, no DTSTART, no owner, or a block ical4j cannot read), {@code
 * bad_timestamp} (a date or time it cannot read).
 */
public final class ICalendarAdapter implements ExportAdapter {
  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter BASIC_UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  @Override
  public String name() {
    return "calendar.ics";
  }

  @Override
  public boolean recognizes(List<String> firstLines) {
    return firstLines.stream()
        .filter(l -> !l.isBlank())
        .findFirst()
        .map(l -> l.strip().equalsIgnoreCase("BEGIN:VCALENDAR"))
        .orElse(false);
  }

  @Override
  public void read(Path file, AdapterContext context, RecordSink sink) throws IOException {
    IcsBlocks blocks = IcsBlocks.split(DecodedText.read(file, sink).text(), file);
    Owners owners = new Owners(context);
    OwnerIdentities identities = new OwnerIdentities(context);
    String calendarAddress = Text.normaliseEmail(blocks.calendarName());

    List<IcsBlocks.Block> eventBlocks = new ArrayList<>();
    for (IcsBlocks.Block block : blocks.components()) {
      if (block.name().equals("VEVENT")) {
        eventBlocks.add(block);
      } else {
        sink.excluded(block.line(), block.raw(), "not_an_event");
      }
    }
    // One builder per file: its registry keeps the zones built from the file's VTIMEZONEs.
    CalendarBuilder builder = new CalendarBuilder();
    List<Parsed> parsed = parseWhole(builder, blocks, eventBlocks);
    if (parsed == null) {
      parsed = new ArrayList<>();
      for (IcsBlocks.Block block : eventBlocks) {
        parsed.add(parse(builder, block, blocks.timeZones()));
      }
    }
    // Instances that an override (same UID, RECURRENCE-ID) replaces are not the series' to emit.
    Map<String, Set<String>> overridden = new HashMap<>();
    for (Parsed p : parsed) {
      if (p.event() != null && !p.recurrenceId().isEmpty()) {
        overridden.computeIfAbsent(p.uid(), k -> new HashSet<>()).add(p.recurrenceId());
      }
    }
    for (Parsed p : parsed) {
      if (p.reject() != null) {
        sink.rejected(p.block().line(), p.block().raw(), p.reject());
      } else {
        map(
            p,
            overridden.getOrDefault(p.uid(), Set.of()),
            context,
            owners,
            identities,
            calendarAddress,
            sink);
      }
    }
  }

  /** A VEVENT block parsed, or the reason it cannot be. */
  private record Parsed(
      IcsBlocks.Block block, VEvent event, String uid, String recurrenceId, String reject) {}

  /**
   * The fast path: the whole file in one parse, its VEVENTs matched to the blocks in file order.
   * Null when ical4j refuses the file or the counts differ; then each block is parsed alone so one
   * bad event costs only itself.
   */
  private static List<Parsed> parseWhole(
      CalendarBuilder builder, IcsBlocks blocks, List<IcsBlocks.Block> eventBlocks) {
    StringBuilder calendar = new StringBuilder(HEADER).append(blocks.timeZones());
    for (IcsBlocks.Block block : eventBlocks) {
      calendar.append(block.raw()).append("\r\n");
    }
    calendar.append("END:VCALENDAR\r\n");
    List<VEvent> events;
    try {
      events = builder.build(new StringReader(calendar.toString())).getComponents(Component.VEVENT);
    } catch (ParserException | IOException | RuntimeException e) {
      return null;
    }
    if (events.size() != eventBlocks.size()) {
      return null;
    }
    List<Parsed> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      out.add(check(eventBlocks.get(i), events.get(i)));
    }
    return out;
  }

  private static final String HEADER =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Wellspring//ics adapter//EN\r\n";

  private static Parsed parse(CalendarBuilder builder, IcsBlocks.Block block, String timeZones) {
    String calendar = HEADER + timeZones + block.raw() + "\r\nEND:VCALENDAR\r\n";
    VEvent event;
    try {
      Calendar built = builder.build(new StringReader(calendar));
      List<VEvent> events = built.getComponents(Component.VEVENT);
      if (events.size() != 1) {
        return new Parsed(block, null, "", "", "missing_required");
      }
      event = events.get(0);
    } catch (ParserException | IOException | RuntimeException e) {
      return new Parsed(
          block, null, "", "", isDateProblem(e) ? "bad_timestamp" : "missing_required");
    }
    return check(block, event);
  }

  private static Parsed check(IcsBlocks.Block block, VEvent event) {
    String uid = value(event, "UID");
    Optional<DateProperty<Temporal>> start = event.getProperty("DTSTART");
    if (uid.isEmpty() || start.isEmpty() || start.get().getDate() == null) {
      return new Parsed(block, null, uid, "", "missing_required");
    }
    String recurrenceId = "";
    Optional<DateProperty<Temporal>> rid = event.getProperty("RECURRENCE-ID");
    if (rid.isPresent()) {
      try {
        recurrenceId = basic(rid.get().getDate());
      } catch (DateTimeException e) {
        return new Parsed(block, null, uid, "", "bad_timestamp");
      }
    }
    return new Parsed(block, event, uid, recurrenceId, null);
  }

  private static boolean isDateProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DateTimeException) {
        return true;
      }
    }
    return false;
  }

  private static void map(
      Parsed p,
      Set<String> overridden,
      AdapterContext context,
      Owners owners,
      OwnerIdentities identities,
      String calendarAddress,
      RecordSink sink) {
    IcsBlocks.Block block = p.block();
    VEvent event = p.event();
    if (value(event, "STATUS").equalsIgnoreCase("CANCELLED")) {
      sink.excluded(block.line(), block.raw(), "cancelled");
      return;
    }
    String organizer = Text.normaliseEmail(value(event, "ORGANIZER"));
    String organizerName =
        event.getProperty("ORGANIZER").map(o -> parameter((Property) o, "CN")).orElse("");
    List<Property> attendees = event.getProperties("ATTENDEE");

    // Who owns this calendar entry, and which addresses are the owner's own.
    String owner = owners.lookup(organizer);
    String ownerAddress = owner == null ? "" : organizer;
    if (owner == null) {
      for (Property a : attendees) {
        String email = Text.normaliseEmail(a.getValue());
        if (!email.isEmpty() && owners.lookup(email) != null) {
          owner = owners.lookup(email);
          ownerAddress = email;
          break;
        }
      }
    }
    if (owner == null) {
      owner = owners.fallback();
      ownerAddress = calendarAddress;
    }
    Set<String> self = new HashSet<>();
    for (String address : List.of(ownerAddress, calendarAddress)) {
      if (!address.isEmpty()) {
        self.add(address);
      }
    }
    // The owner's own addresses (owner_emails, owner_map) and, in the owner's own calendar, a
    // participant named like an owner (CN=Alex Rivera with --owner "Alex Rivera").
    for (Property a : attendees) {
      String email = Text.normaliseEmail(a.getValue());
      if (!email.isEmpty()
          && (identities.isOwnerEmail(email) || identities.isOwnerName(parameter(a, "CN")))) {
        self.add(email);
      }
    }
    if (!organizer.isEmpty()
        && (identities.isOwnerEmail(organizer) || identities.isOwnerName(organizerName))) {
      self.add(organizer);
    }

    Set<String> participants = new LinkedHashSet<>();
    boolean someoneDeclined = false;
    for (Property a : attendees) {
      String email = Text.normaliseEmail(a.getValue());
      String partstat = parameter(a, "PARTSTAT");
      String cutype = parameter(a, "CUTYPE");
      if (email.isEmpty() || cutype.equals("ROOM") || cutype.equals("RESOURCE")) {
        continue;
      }
      if (self.contains(email)) {
        if (partstat.equals("DECLINED")) {
          sink.excluded(block.line(), block.raw(), "declined");
          return;
        }
        continue;
      }
      if (partstat.equals("DECLINED")) {
        someoneDeclined = true;
      } else {
        participants.add(email);
      }
    }
    if (!organizer.isEmpty() && !self.contains(organizer)) {
      participants.add(organizer);
    }
    if (participants.isEmpty()) {
      sink.excluded(block.line(), block.raw(), someoneDeclined ? "declined" : "no_attendees");
      return;
    }
    if (owner.isEmpty()) {
      sink.rejected(block.line(), block.raw(), "missing_required");
      return;
    }

    List<Occurrence> occurrences;
    try {
      occurrences = occurrences(event, p.recurrenceId(), overridden, context);
    } catch (DateTimeException e) {
      sink.rejected(block.line(), block.raw(), "bad_timestamp");
      return;
    }
    if (occurrences.isEmpty()) {
      sink.excluded(block.line(), block.raw(), "outside_period");
      return;
    }
    List<CanonicalRecord> records = new ArrayList<>();
    for (Occurrence o : occurrences) {
      for (String email : participants) {
        records.add(
            new Fields()
                .put("activity_id", "ics-" + p.uid() + "|" + o.recurrenceId() + "|" + hash(email))
                .put("owner", owner)
                .put("occurred_at", o.occurredAt())
                .put("type", "meeting")
                .put("contact_id", "email:" + email)
                .put("duration_minutes", o.durationMinutes())
                .put("channel", value(event, "LOCATION"))
                .put("notes", value(event, "SUMMARY"))
                .record(Tables.ACTIVITIES, block.line(), block.raw()));
      }
    }
    sink.mapped(block.line(), block.raw(), records);
  }

  /** One dated instance of an event, in canonical text. */
  private record Occurrence(String occurredAt, String durationMinutes, String recurrenceId) {}

  private static List<Occurrence> occurrences(
      VEvent event, String ownRecurrenceId, Set<String> overridden, AdapterContext context) {
    Optional<DateProperty<Temporal>> start = event.getProperty("DTSTART");
    Temporal first = start.orElseThrow().getDate();
    boolean recurring =
        ownRecurrenceId.isEmpty()
            && (event.getProperty("RRULE").isPresent() || event.getProperty("RDATE").isPresent());
    if (!recurring) {
      return List.of(occurrence(first, end(event, first), ownRecurrenceId));
    }
    ZonedDateTime from = context.periodStart().atStartOfDay(ZoneOffset.UTC);
    ZonedDateTime to = context.runDate().plusDays(1).atStartOfDay(ZoneOffset.UTC);
    Set<Period<Temporal>> set = event.calculateRecurrenceSet(new Period<>(from, to));
    // ical4j matches EXDATEs by equal ZonedDateTimes, which fails when the JVM's default zone is
    // not the event's; compare instants here too, so the result never depends on the machine.
    Set<String> excludedDates = new HashSet<>();
    for (Property exdate : event.getProperties("EXDATE")) {
      for (Object date :
          ((net.fortuna.ical4j.model.property.DateListProperty<?>) exdate).getDates()) {
        excludedDates.add(basic((Temporal) date));
      }
    }
    List<Occurrence> out = new ArrayList<>();
    for (Period<Temporal> period : set) {
      String rid = basic(period.getStart());
      // The window is half-open: an instance starting at 00:00 the day after the run date is out.
      boolean inside =
          !(period.getStart() instanceof LocalDate d)
              ? instant(period.getStart()).isBefore(to.toInstant())
                  && !instant(period.getStart()).isBefore(from.toInstant())
              : !d.isBefore(context.periodStart()) && !d.isAfter(context.runDate());
      if (inside && !overridden.contains(rid) && !excludedDates.contains(rid)) {
        out.add(occurrence(period.getStart(), Optional.ofNullable(period.getEnd()), rid));
      }
    }
    out.sort(Comparator.comparing(Occurrence::recurrenceId));
    return out;
  }

  private static Occurrence occurrence(
      Temporal start, Optional<Temporal> end, String recurrenceId) {
    if (start instanceof LocalDate day) {
      return new Occurrence(day.toString(), "", recurrenceId);
    }
    Instant begin = instant(start);
    String duration = "";
    if (end.isPresent() && !(end.get() instanceof LocalDate)) {
      long seconds = ChronoUnit.SECONDS.between(begin, instant(end.get()));
      duration = Numbers.divide(BigDecimal.valueOf(Math.max(seconds, 0)), 60);
    }
    return new Occurrence(Timestamps.format(begin), duration, recurrenceId);
  }

  /** DTEND, else DTSTART + DURATION; empty when the event gives neither. */
  private static Optional<Temporal> end(VEvent event, Temporal start) {
    Optional<DateProperty<Temporal>> dtEnd = event.getProperty("DTEND");
    if (dtEnd.isPresent() && dtEnd.get().getDate() != null) {
      return Optional.of(dtEnd.get().getDate());
    }
    Optional<net.fortuna.ical4j.model.property.Duration> duration = event.getProperty("DURATION");
    if (duration.isPresent() && !(start instanceof LocalDate)) {
      TemporalAmount amount = duration.get().getDuration();
      return Optional.of(instant(start).atOffset(ZoneOffset.UTC).plus(amount).toInstant());
    }
    return Optional.empty();
  }

  /** A date-time value as an instant; floating (zone-less) values are read as UTC. */
  static Instant instant(Temporal t) {
    if (t instanceof Instant i) {
      return i;
    }
    if (t instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (t instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    if (t instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    throw new DateTimeException("not a date-time: " + t);
  }

  /** RFC 5545 basic form in UTC, as RECURRENCE-ID values compare. */
  static String basic(Temporal t) {
    return t instanceof LocalDate d ? BASIC_DATE.format(d) : BASIC_UTC.format(instant(t));
  }

  private static String value(Component component, String property) {
    Optional<Property> p = component.getProperty(property);
    return p.map(Property::getValue).map(String::strip).orElse("");
  }

  private static String parameter(Property property, String name) {
    Optional<Parameter> p = property.getParameter(name);
    return p.map(Parameter::getValue).map(v -> v.strip().toUpperCase(Locale.ROOT)).orElse("");
  }

  static String hash(String email) {
    return Sha256.hexPrefix(email, 12);
  }
}
