// Word lists for the fictional sample corpus: names, organisations, subjects, events.

export const FIRST = ["Amanda", "Brian", "Carla", "Daniel", "Elena", "Frank", "Grace", "Hector", "Irene", "Jamal", "Karen", "Luis", "Maya", "Nathan", "Olivia", "Patrick", "Quinn", "Rosa", "Samuel", "Tara", "Umar", "Vanessa", "Walter", "Ximena", "Yusuf", "Zoe", "Adrian", "Beatriz", "Colin", "Dana", "Erik", "Fatima", "Gavin", "Helen", "Isaac", "Julia", "Kevin", "Leah", "Marcus", "Nadia", "Owen", "Priya", "Ryan", "Sofia", "Thomas", "Ursula", "Victor", "Wendy", "Alex", "Bianca", "Caleb", "Diane", "Eli", "Fiona", "George", "Hannah", "Ivan", "Jenna", "Kyle", "Lucia", "Martin", "Nora", "Oscar", "Paula", "Rachel", "Steven", "Teresa", "Vince", "Whitney", "Zachary", "Renée", "José", "Chloé", "Zoë", "Andrés", "Siobhán"];

export const LAST = ["Abbott", "Alvarez", "Bennett", "Brooks", "Castillo", "Chen", "Coleman", "Dawson", "Diaz", "Ellis", "Fischer", "Foster", "Garcia", "Greene", "Hale", "Harper", "Hughes", "Ibarra", "Jensen", "Kaplan", "Khan", "Lambert", "Lee", "Lopez", "Marsh", "Mendez", "Morgan", "Nguyen", "Novak", "O'Brien", "Okafor", "Palmer", "Patel", "Quinlan", "Ramos", "Reed", "Rossi", "Sandoval", "Schwartz", "Shah", "Sullivan", "Tanaka", "Torres", "Turner", "Vargas", "Walsh", "Webb", "Weiss", "Whitaker", "Young", "Zimmerman", "Moreno", "Park", "Kowalski", "Haddad", "Lindqvist", "Dubois", "Müller", "Peña", "Ó Ceallaigh"];

export const INTERNAL_DOMAIN = "fpnc.example";

/** Departments of the fictional national committee: share of staff and what they write about. */
export const DEPARTMENTS = [
  { name: "Communications", share: 0.12, topics: ["messaging for the week", "talking points", "op-ed draft", "surrogate booking", "rapid response", "statement on the debate"] },
  { name: "Press", share: 0.09, topics: ["press release", "media advisory", "interview request", "press clips", "reporter inquiry", "embargoed release"] },
  { name: "Finance", share: 0.14, topics: ["budget", "FEC report", "reimbursement", "vendor invoice", "payroll", "Q1 numbers"] },
  { name: "Fundraising", share: 0.12, topics: ["donor call sheet", "event RSVPs", "finance council dinner", "major donor list", "fundraising totals", "host committee"] },
  { name: "Digital", share: 0.1, topics: ["email test results", "web launch", "social calendar", "list growth", "ad creative", "landing page"] },
  { name: "Research", share: 0.09, topics: ["opposition file", "vetting memo", "tracking report", "fact check", "research request", "book excerpt"] },
  { name: "Political", share: 0.14, topics: ["state party call", "delegate counts", "convention logistics", "endorsements", "caucus training", "superdelegates"] },
  { name: "IT", share: 0.06, topics: ["password reset", "laptop setup", "VPN outage", "security update", "new phone", "server maintenance"] },
  { name: "Legal", share: 0.05, topics: ["contract review", "compliance question", "legal hold", "NDA", "FEC guidance", "subpoena"] },
  { name: "Executive", share: 0.04, topics: ["chair's schedule", "senior staff meeting", "board call", "strategy memo", "call time", "travel"] },
  { name: "Operations", share: 0.05, topics: ["office move", "badge access", "HR onboarding", "intern schedule", "catering", "building notice"] },
] as const;

/** Outside organisations and the department each mostly writes to. */
export const OUTSIDE = [
  { org: "Harper for America", domain: "harper2016.example", share: 0.07, dept: "Political" },
  { org: "Ortiz Campaign", domain: "ortizforpresident.example", share: 0.06, dept: "Research" },
  { org: "Daily Ledger", domain: "dailyledger.example", share: 0.05, dept: "Press" },
  { org: "Capitol Wire", domain: "capitolwire.example", share: 0.05, dept: "Press" },
  { org: "Metro Tribune", domain: "metrotribune.example", share: 0.04, dept: "Communications" },
  { org: "National Broadcast News", domain: "nbn.example", share: 0.04, dept: "Press" },
  { org: "Blueline Digital", domain: "bluelinedigital.example", share: 0.04, dept: "Digital" },
  { org: "Keystone Data", domain: "keystonedata.example", share: 0.03, dept: "IT" },
  { org: "Summit Events", domain: "summitevents.example", share: 0.03, dept: "Fundraising" },
  { org: "Ridge Law LLP", domain: "ridgelaw.example", share: 0.02, dept: "Legal" },
  { org: "State parties", domain: "stateparty.example", share: 0.08, dept: "Political" },
  { org: "Donors (personal mail)", domain: "mailbox.example", share: 0.12, dept: "Fundraising" },
  { org: "Union & allies", domain: "alliedlabor.example", share: 0.03, dept: "Political" },
] as const;

export const INTERNAL_SHARE = 0.34;

export const MASS_SUBJECTS = ["Daily press clips", "All staff: holiday schedule", "Weekly news roundup", "Finance council update", "Talking points for surrogates", "Building notice: fire drill", "Convention update", "Security reminder: phishing emails"];

export const ANNOTATIONS = [
  { date: "2015-07-01", label: "Q2 fundraising deadline" },
  { date: "2015-10-13", label: "First primary debate" },
  { date: "2016-02-01", label: "First caucuses" },
  { date: "2016-03-01", label: "Super Tuesday" },
  { date: "2016-04-19", label: "Network intrusion detected (fictional)" },
  { date: "2016-05-18", label: "Convention rules fight (fictional)" },
];
