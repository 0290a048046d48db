//! A deterministic generator of realistic news articles, for benchmarks and scale tests.
//!
//! `cargo run --release --example gen_corpus -- --articles 10000 --seed 7 OUT_DIR`
//!
//! Articles recombine and perturb news prose patterns: officials (hundreds of invented ones, and
//! the names and titles of `assets/actors.toml` now and then) meeting, calling, signing and warning
//! on dates spread over several years, with quotes and their speakers, deictic dates ("on Monday",
//! "last week"), and site chrome lines, so that extraction does real work. About eight articles
//! tell each story (same people, place, days and statements, each outlet in its own words), so
//! that the merge and the statement linking meet what a real multi-outlet archive holds. About
//! 5 KB each.

use std::fmt::Write as _;
use std::path::PathBuf;

/// splitmix64: small, fast and good enough for varied text; no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FALLBACK_PEOPLE: [(&str, &str); 12] = [
    ("Anna Keller", "German Foreign Minister"),
    ("Marco Bellini", "Italian Prime Minister"),
    ("Claire Dubois", "French President"),
    ("James Whitford", "British Prime Minister"),
    ("Olena Marchenko", "Ukrainian Foreign Minister"),
    ("Sergei Volkov", "Russian Foreign Minister"),
    ("Li Wen", "Chinese Foreign Minister"),
    ("Ravi Menon", "Indian External Affairs Minister"),
    ("Sofia Lindqvist", "Swedish Prime Minister"),
    ("Jan Novak", "Czech President"),
    ("Emily Carter", "US Secretary of State"),
    ("Kenji Sato", "Japanese Prime Minister"),
];

const PLACES: [&str; 14] = [
    "Geneva",
    "Brussels",
    "Istanbul",
    "Riyadh",
    "Vienna",
    "Helsinki",
    "the White House",
    "the Kremlin",
    "Beijing",
    "New Delhi",
    "Warsaw",
    "Paris",
    "Berlin",
    "Doha",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

const TOPICS: [&str; 10] = [
    "security guarantees",
    "a ceasefire",
    "sanctions relief",
    "grain exports",
    "prisoner exchanges",
    "energy supplies",
    "border demarcation",
    "a peace framework",
    "humanitarian corridors",
    "arms control",
];

const CHROME: [&str; 6] = [
    "Advertisement",
    "READ ALSO: Ministers to meet again next month",
    "Follow Us:",
    "Leave a Comment",
    "Share this article",
    "Hot Posts",
];

/// (name, title) pairs from the gazetteer when it has them, else invented ones.
fn people() -> Vec<(String, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/actors.toml");
    let mut found = Vec::new();
    if let Ok(text) = std::fs::read_to_string(path) {
        let mut name: Option<String> = None;
        for line in text.lines() {
            let line = line.trim();
            let value = || {
                line.split_once('=')
                    .map(|(_, v)| v.trim().trim_matches('"').to_string())
            };
            if line.starts_with("name") {
                name = value();
            } else if (line.starts_with("title") || line.starts_with("roles")) && name.is_some() {
                let title = value().unwrap_or_default();
                let title = title
                    .trim_matches(['[', ']', '"', ' '])
                    .split("\", \"")
                    .next()
                    .unwrap_or("")
                    .to_string();
                if !title.is_empty() && !title.contains('{') {
                    found.push((name.take().unwrap_or_default(), title));
                }
            }
        }
    }
    if found.len() < 10 {
        found = FALLBACK_PEOPLE
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
    }
    found
}

fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

const FIRST: [&str; 24] = [
    "Amara", "Bogdan", "Carmen", "Dmitri", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas",
    "Kamala", "Lars", "Mei", "Nikos", "Oksana", "Pablo", "Quentin", "Rania", "Stefan", "Tamar",
    "Umar", "Vera", "Wiktor", "Yara",
];
const LAST: [&str; 24] = [
    "Abara",
    "Brandt",
    "Castell",
    "Demir",
    "Eklund",
    "Fontaine",
    "Grieg",
    "Halloran",
    "Ivanova",
    "Jaramillo",
    "Kowal",
    "Lindgren",
    "Moreau",
    "Nakagawa",
    "Okoro",
    "Petrakis",
    "Quist",
    "Rahimi",
    "Sorensen",
    "Tanaka",
    "Ulloa",
    "Varga",
    "Wolanski",
    "Zeller",
];
const OFFICES: [&str; 8] = [
    "Foreign Minister",
    "Prime Minister",
    "Defence Minister",
    "President",
    "Trade Minister",
    "Interior Minister",
    "Energy Minister",
    "Finance Minister",
];
const NATIONS: [&str; 12] = [
    "German",
    "Italian",
    "French",
    "British",
    "Ukrainian",
    "Polish",
    "Turkish",
    "Dutch",
    "Swedish",
    "Czech",
    "Japanese",
    "Brazilian",
];
const TOWNS: [&str; 12] = [
    "Geneva", "Brussels", "Istanbul", "Riyadh", "Vienna", "Helsinki", "Warsaw", "Paris", "Berlin",
    "Doha", "Oslo", "Lisbon",
];
const CLAIMS: [&str; 10] = [
    "we made real progress on",
    "there is still no agreement on",
    "we will not accept any compromise on",
    "both sides want a quick result on",
    "nobody is talking about concessions on",
    "the next round must deliver on",
    "our partners understand our position on",
    "we are closer than ever on",
    "there can be no deal without progress on",
    "we owe our citizens an answer on",
];
const TAILS: [&str; 8] = [
    "but there is a lot of work ahead",
    "and we expect a reply within days",
    "whatever the critics say",
    "and the details will follow",
    "even if it takes months",
    "as we agreed last spring",
    "because time is running out",
    "and nobody should doubt our resolve",
];

/// One story told by several outlets: the same people, place, topic and days.
struct Story {
    a: (String, String),
    b: (String, String),
    place: &'static str,
    topic: &'static str,
    year: i32,
    month: usize,
    day: usize,
    weekday: &'static str,
    quotes: Vec<String>,
}

/// Stories draw from hundreds of invented officials (and the gazetteer's people now and then), so
/// that, as in a real archive, most names are shared by a few stories, not by all of them.
fn story(seed: u64, people: &[(String, String)]) -> Story {
    let mut rng = Rng(seed ^ 0x5157_0e11_ab1e_d00d);
    let person = |rng: &mut Rng| {
        if rng.below(5) == 0 {
            return rng.pick(people).clone();
        }
        let name = format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST));
        let office = format!("{} {}", rng.pick(&NATIONS), rng.pick(&OFFICES));
        (name, office)
    };
    let a = person(&mut rng);
    let mut b = person(&mut rng);
    while b.0 == a.0 {
        b = person(&mut rng);
    }
    let topic = *rng.pick(&TOPICS);
    let quotes = (0..3)
        .map(|_| {
            let claim = rng.pick(&CLAIMS);
            let tail = rng.pick(&TAILS);
            let mut q = format!("{claim} {topic}, {tail}");
            if let Some(c) = q.get_mut(..1) {
                c.make_ascii_uppercase();
            }
            q
        })
        .collect();
    Story {
        a,
        b,
        place: if rng.below(3) == 0 {
            PLACES[rng.below(PLACES.len())]
        } else {
            TOWNS[rng.below(TOWNS.len())]
        },
        topic,
        year: 2019 + rng.below(7) as i32,
        month: rng.below(12),
        day: 1 + rng.below(28),
        weekday: WEEKDAYS[rng.below(WEEKDAYS.len())],
        quotes,
    }
}

fn article(rng: &mut Rng, people: &[(String, String)], stories: u64) -> String {
    let st = story(rng.next() % stories.max(1), people);
    let (a, b, place, topic, weekday) = (&st.a, &st.b, st.place, st.topic, st.weekday);
    let (year, month, day) = (st.year, st.month, st.day);
    let mut s = String::with_capacity(6000);
    let _ = writeln!(
        s,
        "{} and {} discuss {} in {}\n",
        surname(&a.0),
        surname(&b.0),
        topic,
        place
    );
    if rng.below(3) == 0 {
        let _ = writeln!(s, "{}\n", rng.pick(&CHROME));
    }
    let _ = writeln!(
        s,
        "By {} {}\n",
        rng.pick(&["Maria", "John", "Aisha", "Piotr", "Lena"]),
        rng.pick(&["Okafor", "Smith", "Kowalski", "Haddad", "Berg"])
    );
    let mut paragraphs = 0;
    while s.len() < 4800 {
        paragraphs += 1;
        let who = if rng.below(2) == 0 {
            a.clone()
        } else {
            b.clone()
        };
        let m = MONTHS[(month + rng.below(3)) % 12];
        let para = match rng.below(10) {
            0 => format!(
                "{} {} met {} {} in {} on {}, their first meeting since {} {}, to discuss {}.",
                a.1,
                a.0,
                b.1,
                b.0,
                place,
                weekday,
                MONTHS[rng.below(12)],
                year - 1 - rng.below(3) as i32,
                topic
            ),
            1 => format!(
                "“{},” {} told reporters after the talks. “Nobody should expect a deal by {m}.”",
                rng.pick(&st.quotes),
                surname(&who.0)
            ),
            2 => format!(
                "{} said on {} that {} had agreed to hold a follow-up meeting within {} days, though the venue was not yet confirmed.",
                who.0,
                weekday,
                surname(&b.0),
                7 + rng.below(14)
            ),
            3 => format!(
                "The talks followed a phone call between {} and {} on {} {}, which lasted {} minutes, according to officials.",
                surname(&a.0),
                surname(&b.0),
                m,
                day,
                20 + rng.below(70)
            ),
            4 => format!(
                "At least {} people were killed in strikes on {} last week, local officials said, as fighting continued along the front line.",
                3 + rng.below(40),
                rng.pick(&["Kharkiv", "Odesa", "Gaza City", "Khartoum", "Aleppo"])
            ),
            5 => format!(
                "{} warned that {} would be “a grave mistake” and said the issue would be raised at the summit in {} {}.",
                who.1,
                rng.pick(&["new sanctions", "any delay", "a partial deal"]),
                MONTHS[(month + 2) % 12],
                year
            ),
            6 => format!(
                "In {} {}, the two governments signed an agreement on {} that was hailed as a breakthrough, but critics called it “{}.”",
                m,
                year - rng.below(4) as i32,
                topic,
                rng.pick(&["a fig leaf", "premature", "too little, too late"])
            ),
            7 => format!(
                "{} {}, a senior fellow at the {} Institute, said the {} process was “fragile but alive.” “{},” she said.",
                rng.pick(&["Hanna", "Yuki", "Elena", "Maren", "Sadia", "Ilse"]),
                rng.pick(&LAST),
                rng.pick(&["Baltic", "Atlantic", "Carnegie-style", "Eastern"]),
                rng.pick(&["Geneva", "peace", "normalisation"]),
                rng.pick(&st.quotes)
            ),
            8 => format!(
                "Officials expect {} to travel to {} next month for a trilateral summit, the first since {}.",
                surname(&a.0),
                rng.pick(&PLACES),
                year - 2
            ),
            _ => format!(
                "“{} — this is a decision for the people of {},” {} said in a statement posted on X on {}.",
                rng.pick(&st.quotes),
                rng.pick(&["Ukraine", "the region", "our country"]),
                who.0,
                weekday
            ),
        };
        s.push_str(&para);
        s.push_str("\n\n");
        if paragraphs % 7 == 0 && rng.below(2) == 0 {
            let _ = writeln!(s, "{}\n", rng.pick(&CHROME));
        }
    }
    s
}

fn main() {
    let mut articles = 1000usize;
    let mut seed = 1u64;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--articles" => articles = args.next().and_then(|v| v.parse().ok()).unwrap_or(articles),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            "-h" | "--help" => {
                println!("usage: gen_corpus [--articles N] [--seed S] OUT_DIR");
                return;
            }
            other => out = Some(PathBuf::from(other)),
        }
    }
    let Some(out) = out else {
        eprintln!("gen_corpus: give an output folder: gen_corpus --articles N --seed S OUT_DIR");
        std::process::exit(2);
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("gen_corpus: cannot create {}: {e}", out.display());
        std::process::exit(1);
    }
    let people = people();
    let mut rng = Rng(seed);
    // About eight outlets' articles per story, as when a corpus gathers several feeds.
    let stories = (articles as u64 / 8).max(1);
    let mut bytes = 0usize;
    for i in 0..articles {
        let text = article(&mut rng, &people, stories);
        bytes += text.len();
        // 1,000 files a folder keeps directory listings fast on any filesystem.
        let dir = out.join(format!("{:03}", i / 1000));
        let written = std::fs::create_dir_all(&dir)
            .and_then(|_| std::fs::write(dir.join(format!("{i:06}.txt")), text));
        if let Err(e) = written {
            eprintln!("gen_corpus: cannot write article {i}: {e}");
            std::process::exit(1);
        }
    }
    eprintln!(
        "gen_corpus: wrote {articles} articles, {} MB, into {}",
        bytes >> 20,
        out.display()
    );
}
