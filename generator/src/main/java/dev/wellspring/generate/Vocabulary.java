package dev.wellspring.generate;

/**
 * Invented words the generator draws from. Every person and company here is fictional: given names
 * are common, family names and companies are made up, so no combination names a real person.
 */
final class Vocabulary {
  private Vocabulary() {}

  static final String[] FIRST = {
    "Ada", "Bram", "Cleo", "Dario", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jasper", "Kaia",
    "Lionel", "Mira", "Nils", "Odile", "Pavel", "Quinn", "Rhea", "Soren", "Tamsin", "Ugo", "Vera",
    "Wren", "Xavi", "Yara", "Zeno", "Amara", "Bertil", "Celeste", "Dmitri", "Esme", "Florin",
    "Gwen", "Hamish", "Isolde", "Joaquim", "Kerensa", "Leif", "Maelle", "Noor"
  };

  static final String[] LAST = {
    "Ashgrove", "Brackenbury", "Cobblestone", "Dunmorrow", "Elderwick", "Fernsby", "Glimmerdale",
    "Hollowmere", "Inkwright", "Juniperfield", "Kettleburn", "Larkspurr", "Marrowgate",
        "Nettlecombe",
    "Oakhurst-Vale", "Pebblethwaite", "Quillon", "Rushbrook", "Saltmarsh", "Thistlewood",
        "Umberlee",
    "Vantablake", "Wickersham", "Yarrowby", "Zephyrine", "Applewhite-Moor", "Birchcombe",
        "Coldharbour",
    "Drystone", "Emberlain", "Foxmoor", "Greybarrow"
  };

  static final String[] COMPANIES = {
    "Brambleway Logistics",
    "Copperkettle Media",
    "Northgate Analytics",
    "Tidewater Ceramics",
    "Lumen & Loom Consulting",
    "Harrowfield Bank",
    "Quietriver Software",
    "Saltbox Studios",
    "Fennick Partners",
    "Glasswing Health",
    "Ironbridge Freight",
    "Marigold Press",
    "Oldmill Foods",
    "Pinecrest Robotics",
    "Riverstone Legal",
    "Skylark Events",
    "Thornbury Insurance",
    "Willowmere Hotels",
    "Bluefen Energy",
    "Cardinal Quay Capital",
    "Driftwood Digital",
    "Emberline Publishing",
    "Foxglove Design, Ltd.",
    "Granary Row Ventures"
  };

  static final String[] DOMAINS = {
    "example.com", "example.org", "example.net", "mail.example", "inbox.example"
  };

  static final String[] TITLES = {
    "Founder",
    "CEO",
    "Head of Partnerships",
    "Marketing Director",
    "Editor",
    "Producer",
    "Programme Chair",
    "Sales Lead",
    "Operations Manager",
    "Senior Consultant",
    "Journalist",
    "Podcast Host",
    "Procurement Lead",
    "CTO",
    "Community Manager",
    ""
  };

  static final String[] LOCATIONS = {
    "London",
    "Leeds",
    "Bristol",
    "Manchester",
    "Rotterdam",
    "Dublin",
    "Edinburgh",
    "Amsterdam",
    "Berlin",
    "Lisbon",
    "Remote",
    ""
  };

  static final String[] SOURCES = {
    "linkedin", "conference", "referral", "import", "newsletter", ""
  };

  static final String[] CONFERENCES = {
    "Northfield Summit",
    "Harbourlight Conference",
    "BrightPath Expo",
    "Founders at the Foundry",
    "The Long Table Forum",
    "Meridian Speakers Day"
  };

  static final String[] PODCASTS = {
    "The Long Table podcast", "Small Rooms, Big Deals podcast", "Wellhead Radio"
  };

  static final String[] CLUBS = {
    "Riverside Founders Club", "Thursday Breakfast Circle", "Old Quay Business Club"
  };

  static final String[] PUBLICATIONS = {
    "TV", "The Harbour Ledger", "Tradewinds Weekly", "Morning Ledger Radio"
  };

  static final String[] PHRASES = {
    "Follow up next week", "Sent the deck", "Good conversation about next steps",
    "Asked for an intro to their editor", "Shared the draft chapter", "Agreed to stay in touch",
    "Talked about speaking slots", "Swapped notes on the market", "Owes me a reply",
    "Met at the coffee queue", "Interested in a pilot", "Suggested a podcast guest spot"
  };

  /** Notes that need RFC 4180 quoting: commas, quotes and a line break. */
  static final String[] TRICKY_PHRASES = {
    "Coffee with the programme chair, good fit.\nFollow up after the shortlist is out",
    "She said \"call me in March\", then went quiet",
    "Pricing, timing, and scope: all open\r\nSend recap"
  };

  static final String[] OUTCOME_NOTES = {
    "Booked after the follow-up call", "Came through the newsletter", "Signed after the pilot",
    "Mentioned our chat when they called", "Fee agreed, travel on top", "Sign-ups from the mention"
  };
}
