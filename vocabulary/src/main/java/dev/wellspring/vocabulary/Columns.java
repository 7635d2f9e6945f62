package dev.wellspring.vocabulary;

/**
 * The column names of the input files, warehouse tables and CSV exports (DESIGN.md "Canonical input
 * files" and "Outputs"), one constant each. A name means the same thing in every table that carries
 * it. The attribution models' weight columns of the credits table are named by {@link
 * AttributionModel#wireName()}.
 */
public final class Columns {
  private Columns() {}

  // Identity and provenance

  /**
   * A contact's unique id (contacts); on an activity or outcome, the contact touched or who brought
   * it.
   */
  public static final String CONTACT_ID = "contact_id";

  /** An activity's unique id. */
  public static final String ACTIVITY_ID = "activity_id";

  /**
   * A goal's unique id; on an activity, the goal it was explicitly done for; on an outcome, the
   * goal it counts toward.
   */
  public static final String GOAL_ID = "goal_id";

  /** An outcome's unique id. */
  public static final String OUTCOME_ID = "outcome_id";

  /** The person networking: whose activity, goal or outcome it is. */
  public static final String OWNER = "owner";

  /** The input file a record came from. */
  public static final String SOURCE_FILE = "source_file";

  /** The physical line on which the input record starts (the header is line 1). */
  public static final String LINE = "line";

  /** A rejected record's text, without its final line ending. */
  public static final String RAW = "raw";

  /** Why: a reject's reason, an outcome's unattributed reason, or why an estimate is empty. */
  public static final String REASON = "reason";

  /** The run date (YYYY-MM-DD) a table partition or history row belongs to. */
  public static final String RUN_DATE = "run_date";

  // contacts.csv and the contacts table

  /** A contact's full name. */
  public static final String FULL_NAME = "full_name";

  /** A contact's e-mail address (read for identity, never written). */
  public static final String EMAIL = "email";

  /** A contact's company. */
  public static final String COMPANY = "company";

  /** A contact's job title; on a goal, its title (e.g. "Three paid keynotes in H1"). */
  public static final String TITLE = "title";

  /** A contact's location. */
  public static final String LOCATION = "location";

  /** Where a contact came from. */
  public static final String SOURCE = "source";

  /** A contact's relationship: customer, prospect, partner, media, peer or other (Relationship). */
  public static final String RELATIONSHIP = "relationship";

  /** The date a contact was first met. */
  public static final String FIRST_MET_ON = "first_met_on";

  // activities.csv and the activities and touchpoints tables

  /** When an activity or outcome happened (a UTC instant). */
  public static final String OCCURRED_AT = "occurred_at";

  /** An activity's type (ActivityType) or an outcome's type. */
  public static final String TYPE = "type";

  /** An activity's duration in minutes; the per-type default when the file left it empty. */
  public static final String DURATION_MINUTES = "duration_minutes";

  /** Money spent on an activity (tickets, travel, meals), >= 0. */
  public static final String COST = "cost";

  /**
   * business or speaking when the activity was part of delivering paid work or at an event where
   * the owner speaks.
   */
  public static final String CONTEXT = "context";

  /** For intro_received / intro_made: the person introduced. */
  public static final String INTRODUCED_CONTACT_ID = "introduced_contact_id";

  /** Where an activity happened (free text); in attribution_channels, a path channel. */
  public static final String CHANNEL = "channel";

  /** Free text. */
  public static final String NOTES = "notes";

  /** duration_minutes / 60, or a sum of them. */
  public static final String HOURS = "hours";

  /** A touchpoint's class: DIRECTED, EMBEDDED or UNDIRECTED (TouchClass). */
  public static final String CLASS = "class";

  /** The goal a DIRECTED touchpoint counts for. */
  public static final String DIRECTED_GOAL_ID = "directed_goal_id";

  /** The category of a DIRECTED touchpoint's goal. */
  public static final String GOAL_CATEGORY = "goal_category";

  /** explicit (rule 1) or inferred (rule 3) for a DIRECTED touchpoint, else empty. */
  public static final String DIRECTION = "direction";

  /** True when an activity's goal_id failed rule 1. */
  public static final String GOAL_LINK_INVALID = "goal_link_invalid";

  /** YYYY-MM of a touchpoint's time in UTC. */
  public static final String MONTH = "month";

  // goals.csv and the goals table

  /** A goal's category (GoalCategory). */
  public static final String CATEGORY = "category";

  /** A goal's target: a count of on-target outcomes, or their summed value (target_unit). */
  public static final String TARGET_VALUE = "target_value";

  /** A goal's target channel, e.g. TV. */
  public static final String TARGET_CHANNEL = "target_channel";

  /** The first day a goal is active. */
  public static final String STARTS_ON = "starts_on";

  /** The last day a goal is active (>= starts_on). */
  public static final String ENDS_ON = "ends_on";

  /** What target_value counts: outcomes (the default) or value. */
  public static final String TARGET_UNIT = "target_unit";

  // outcomes.csv and the outcomes table

  /** An outcome's value (fee, subscribers, sign-ups, deal size); 1 when empty. */
  public static final String VALUE = "value";

  // Attribution: credits, candidates, attribution_channels

  /** The type of the outcome a credit or candidate belongs to. */
  public static final String OUTCOME_TYPE = "outcome_type";

  /** The value of the outcome a credit or candidate belongs to. */
  public static final String OUTCOME_VALUE = "outcome_value";

  /** When the outcome a candidate belongs to happened. */
  public static final String OUTCOME_AT = "outcome_at";

  /** A candidate's place, 1..n, in (occurred_at, activity_id) order. */
  public static final String POSITION = "position";

  /** The number of an outcome's candidate touchpoints. */
  public static final String N = "n";

  /** Fractional days (86,400 s each) from a candidate to its outcome. */
  public static final String DAYS_BEFORE = "days_before";

  /** An attribution model's name (AttributionModel), or incremental in lift.csv. */
  public static final String MODEL = "model";

  /** A touchpoint's weight under a model; an outcome's weights sum to 1. */
  public static final String WEIGHT = "weight";

  /** weight x outcome value, or a sum of it. */
  public static final String CREDITED_VALUE = "credited_value";

  /** A data-driven channel score: markov's removal effect, shapley's Shapley value. */
  public static final String SCORE = "score";

  /** A share of a total: a channel's share, or a class's share of a model's credited value. */
  public static final String SHARE = "share";

  // Aggregates

  /** A count of activities. */
  public static final String ACTIVITIES = "activities";

  /** A sum of weights: outcomes credited. */
  public static final String CREDITED_OUTCOMES = "credited_outcomes";

  /** credited_value / hours; empty when hours is 0. */
  public static final String VALUE_PER_HOUR = "value_per_hour";

  /** credited_outcomes / hours; empty when hours is 0. */
  public static final String OUTCOMES_PER_HOUR = "outcomes_per_hour";

  /** Value per hour of DIRECTED over value per hour of UNDIRECTED. */
  public static final String LIFT = "lift";

  /** The lower end of a 95% bootstrap interval. */
  public static final String CI_LOW = "ci_low";

  /** The upper end of a 95% bootstrap interval. */
  public static final String CI_HIGH = "ci_high";

  /** DIRECTED's value per hour, the lift's numerator. */
  public static final String DIRECTED_VALUE_PER_HOUR = "directed_value_per_hour";

  /** UNDIRECTED's value per hour, the lift's denominator. */
  public static final String UNDIRECTED_VALUE_PER_HOUR = "undirected_value_per_hour";

  /** A goal's distinct attributed outcomes of its category with a candidate DIRECTED to it. */
  public static final String ON_TARGET_OUTCOMES = "on_target_outcomes";

  /** The full values of a goal's on-target outcomes, summed. */
  public static final String ON_TARGET_VALUE = "on_target_value";

  /** A goal's attributed outcomes of other types with a candidate DIRECTED to it. */
  public static final String SERENDIPITOUS_OUTCOMES = "serendipitous_outcomes";

  /**
   * True when a goal has been active 90 days or more with 10 hours or more and no on-target
   * outcome.
   */
  public static final String DROUGHT = "drought";

  /** A goal's achieved amount over its target_value; empty without a target. */
  public static final String PROGRESS = "progress";

  /** A goal's status: achieved, on_track, behind, drought or no_target. */
  public static final String STATUS = "status";

  /** Contacts whose first touch ever falls in the month, in that touch's class. */
  public static final String NEW_RELATIONSHIPS = "new_relationships";

  /** Contacts reaching 3 touches within 90 days, at the touch that does. */
  public static final String STRENGTHENED_RELATIONSHIPS = "strengthened_relationships";

  /** A count of intro_made activities. */
  public static final String INTROS_MADE = "intros_made";

  /** A count of intro_received activities. */
  public static final String INTROS_RECEIVED = "intros_received";

  /** A reporting period: current or previous. */
  public static final String PERIOD = "period";

  /** The first day of a reporting period. */
  public static final String START = "start";

  /** The last day of a reporting period. */
  public static final String END = "end";

  /** A follow-up contact's name, as the names setting allows. */
  public static final String CONTACT_NAME = "contact_name";

  /** The day an owner last touched a follow-up contact. */
  public static final String LAST_TOUCH_ON = "last_touch_on";

  /** Days since an owner last touched a follow-up contact. */
  public static final String DAYS_SINCE_TOUCH = "days_since_touch";

  // Incrementality and what-if

  /** Value a class's hours added, from the mix model. */
  public static final String INCREMENTAL_VALUE = "incremental_value";

  /** incremental_value / hours. */
  public static final String INCREMENTAL_VALUE_PER_HOUR = "incremental_value_per_hour";

  /** The report model's credited value per hour, for comparison. */
  public static final String ATTRIBUTED_VALUE_PER_HOUR = "attributed_value_per_hour";

  /** The class hours are moved from in a what-if (UNDIRECTED). */
  public static final String MOVE_FROM = "move_from";

  /** The class hours are moved to in a what-if (DIRECTED or EMBEDDED). */
  public static final String MOVE_TO = "move_to";

  /** The share of the owner's average monthly hours moved. */
  public static final String SHARE_MOVED = "share_moved";

  /** Hours moved per month. */
  public static final String HOURS_MOVED_PER_MONTH = "hours_moved_per_month";

  /** Predicted monthly value after the move minus before. */
  public static final String VALUE_CHANGE_PER_MONTH = "value_change_per_month";

  /** True when the moved-to class's new monthly hours exceed the owner's largest month of it. */
  public static final String EXTRAPOLATED = "extrapolated";

  // Contact identities

  /** A source contact record's own key (a canonical contact_id or a vendor key). */
  public static final String SOURCE_CONTACT_ID = "source_contact_id";

  /**
   * The strongest key a record shares with another of its contact: email, profile_url,
   * name_company, name or none.
   */
  public static final String MATCHED_KEY_TYPE = "matched_key_type";
}
