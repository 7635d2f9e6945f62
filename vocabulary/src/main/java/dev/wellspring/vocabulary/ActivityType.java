package dev.wellspring.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type of an activity, one networking touchpoint (the {@code type} column of activities.csv),
 * with the duration an activity of that type takes when its {@code duration_minutes} is empty
 * (DESIGN.md "Canonical input files"; configurable under {@code durations}). This is the one place
 * the default durations are written.
 */
public enum ActivityType implements WireNamed {
  /** A meeting in person or by video. */
  MEETING(60),
  /** A telephone call. */
  CALL(30),
  /** An e-mail. */
  EMAIL(5),
  /** A message (LinkedIn, chat). */
  MESSAGE(5),
  /** An event attended: a conference, a club evening, a dinner. */
  EVENT(120),
  /** An introduction the owner received; introduced_contact_id is the person introduced. */
  INTRO_RECEIVED(10),
  /** An introduction the owner made; introduced_contact_id is the person introduced. */
  INTRO_MADE(10),
  /** An invitation sent or accepted. */
  INVITATION(5),
  /** An endorsement given. */
  ENDORSEMENT(5),
  /** A recommendation written. */
  RECOMMENDATION(20),
  /** A post to many (one-to-many, usually without a contact). */
  SOCIAL_POST(15),
  /** An answer to someone's question in public. */
  ANSWER(15),
  /** Any other touchpoint. */
  OTHER(30);

  private final int defaultMinutes;

  ActivityType(int defaultMinutes) {
    this.defaultMinutes = defaultMinutes;
  }

  /** The type as activities.csv and the tables write it, lower case ({@code intro_made}). */
  @Override
  public String wireName() {
    return WireNamed.lowerCase(this);
  }

  /** The minutes an activity of this type takes when its duration is empty (DESIGN.md). */
  public int defaultMinutes() {
    return defaultMinutes;
  }

  /** Whether this is one of the intro activities (intro_received, intro_made). */
  public boolean intro() {
    return this == INTRO_RECEIVED || this == INTRO_MADE;
  }

  /**
   * The type named {@code text} (trimmed, any case).
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static ActivityType parse(String text) {
    return WireNamed.parse(ActivityType.class, "activity type", text);
  }

  /** Every type's wire name, in DESIGN.md's order (meeting, call, ..., other). */
  public static List<String> wireNames() {
    return WireNamed.wireNames(ActivityType.class);
  }

  /** Wire name -> default minutes, in DESIGN.md's order. */
  public static Map<String, Integer> defaultMinutesByType() {
    Map<String, Integer> minutes = new LinkedHashMap<>();
    for (ActivityType t : values()) {
      minutes.put(t.wireName(), t.defaultMinutes);
    }
    return java.util.Collections.unmodifiableMap(minutes);
  }
}
