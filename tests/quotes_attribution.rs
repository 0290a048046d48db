//! Who said what: each attribution pattern of English news prose, and the cases that must get no
//! speaker, on sentences written for these tests about invented people of invented countries.

use attache::extract::actors::{Gazetteer, find_actors};
use attache::extract::quotes::extract_quotes;
use attache::model::{Document, Quote};
use std::sync::OnceLock;

const CAST: &str = r#"
[roles]
"president" = ["president"]
"leader" = ["president", "prime minister"]
"prime minister" = ["prime minister"]
"foreign minister" = ["foreign minister"]

[[country]]
name = "Freedonia"
adjectives = ["Freedonian"]
[[country]]
name = "Sylvania"
adjectives = ["Sylvanian"]
family_name_first = true
aliases = ["SYL"]

[[org]]
name = "Liberty Front"
[[org]]
name = "Harbor League"
[[org]]
name = "Daily Planet"
aliases = ["The Daily Planet"]
[[org]]
name = "Freedonian Guard"
aliases = ["FG"]
country = "Freedonia"
speaking_as = ["Freedonian army"]

[[person]]
name = "Rufus Firefly"
gender = "m"
country = "Freedonia"
roles = ["President | Freedonia | 2020-"]
[[person]]
name = "Gloria Teasdale"
gender = "f"
country = "Freedonia"
roles = ["Foreign Minister | Freedonia | 2021-"]
[[person]]
name = "Luigi Trentino"
gender = "m"
country = "Sylvania"
roles = ["President | Sylvania | 2019-"]
[[person]]
name = "Zhou Ming"
surname = "Zhou"
strict = true
gender = "m"
country = "Sylvania"
roles = ["Foreign Minister | Sylvania | 2023-"]
[[person]]
name = "Vera Marsh"
gender = "f"
country = "Sylvania"
roles = ["Prime Minister | Sylvania | 2022-"]
"#;

fn cast() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        Gazetteer::from_toml(CAST, include_str!("../assets/names.toml")).expect("test cast")
    })
}

fn quotes(text: &str) -> Vec<Quote> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        ..Document::default()
    };
    let (mentions, _) = find_actors(&doc, cast());
    let quotes = extract_quotes(&doc, &mentions, cast());
    for q in &quotes {
        assert_eq!(&text[q.span.range()], q.text, "span and text agree");
    }
    quotes
}

/// The speaker of the quote whose text starts with `start`.
fn speaker(text: &str, start: &str) -> Option<String> {
    let qs = quotes(text);
    let q = qs
        .iter()
        .find(|q| q.text.starts_with(start))
        .unwrap_or_else(|| panic!("no quote starting {start:?} in {qs:#?}"));
    q.speaker.clone()
}

fn rule(text: &str, start: &str) -> Option<String> {
    quotes(text)
        .into_iter()
        .find(|q| q.text.starts_with(start))
        .and_then(|q| q.attribution)
}

const FIREFLY: Option<&str> = Some("Rufus Firefly");
const TEASDALE: Option<&str> = Some("Gloria Teasdale");
const TRENTINO: Option<&str> = Some("Luigi Trentino");

#[test]
fn trailing_said_after_the_quote() {
    let t = "“We will not sign this treaty,” Firefly said on Tuesday.";
    assert_eq!(speaker(t, "We will").as_deref(), FIREFLY);
    assert_eq!(rule(t, "We will").as_deref(), Some("trailing"));
}

#[test]
fn inverted_said_name_after_the_quote() {
    let t = "“The border stays open,” said Luigi Trentino, adding that talks would go on.";
    assert_eq!(speaker(t, "The border").as_deref(), TRENTINO);
}

#[test]
fn name_said_colon_before_the_quote() {
    let t = "Teasdale said: “We are ready for a deal.”";
    assert_eq!(speaker(t, "We are").as_deref(), TEASDALE);
    assert_eq!(rule(t, "We are").as_deref(), Some("said-colon"));
}

#[test]
fn told_reporters_and_wrote_on_a_platform() {
    let t = "Firefly told reporters: “Nobody wants this.” Later Trentino wrote on Parley: “We agree on nothing.”";
    assert_eq!(speaker(t, "Nobody").as_deref(), FIREFLY);
    assert_eq!(speaker(t, "We agree").as_deref(), TRENTINO);
}

#[test]
fn according_to_the_speaker() {
    let t = "The plan is “dead on arrival”, according to Teasdale.";
    assert_eq!(speaker(t, "dead").as_deref(), TEASDALE);
}

#[test]
fn partial_quote_after_a_speech_verb_in_the_sentence() {
    let t = "Teasdale described the talks as “frank and useful” and praised Firefly for his “patience”.";
    assert_eq!(speaker(t, "frank").as_deref(), TEASDALE);
    assert_eq!(speaker(t, "patience").as_deref(), TEASDALE);
}

#[test]
fn participle_takes_the_main_clause_subject_not_the_object() {
    let t = "Trentino thanked Firefly for the visit, calling it “a turning point.”";
    assert_eq!(speaker(t, "a turning").as_deref(), TRENTINO);
}

#[test]
fn a_participle_after_a_partial_quote_does_not_end_the_frame() {
    let t = "Teasdale said she had called Firefly and began “arrangements for talks,” noting that more would follow.";
    assert_eq!(speaker(t, "arrangements").as_deref(), TEASDALE);
}

#[test]
fn an_aside_between_subject_and_verb_is_skipped() {
    let t = "Firefly, asked by a reporter whether he trusted Trentino, replied: “Not at all.”";
    assert_eq!(speaker(t, "Not at").as_deref(), FIREFLY);
    let t = "Tom Bray, a fellow at the Lantern Foundation in Freedonia, told reporters: “It is fragile.”";
    assert_eq!(speaker(t, "It is").as_deref(), Some("Tom Bray"));
}

#[test]
fn two_named_subjects_share_no_quote() {
    let t = "Firefly and Trentino issued a statement calling the accord “a first step.”";
    assert_eq!(speaker(t, "a first"), None);
}

#[test]
fn titles_with_lowercase_nouns_before_the_name() {
    let t = "“We have a deal,” union leader Ida Brun said.";
    assert_eq!(speaker(t, "We have").as_deref(), Some("Ida Brun"));
    let t = "“Nobody can read that much,” said farmer Ola Wendt, whose land lies nearby.";
    assert_eq!(speaker(t, "Nobody").as_deref(), Some("Ola Wendt"));
}

#[test]
fn a_base_form_after_an_article_is_a_noun_not_a_speech_verb() {
    let t = "Teasdale said after a two-hour call with her counterpart: “We will return on Monday.”";
    assert_eq!(speaker(t, "We will").as_deref(), TEASDALE);
}

#[test]
fn an_aside_ending_in_a_quote_is_skipped() {
    let t = "Firefly, who chairs the so-called “harbour group,” said the deal was “fair.”";
    assert_eq!(speaker(t, "harbour"), None);
    assert_eq!(speaker(t, "fair").as_deref(), FIREFLY);
}

#[test]
fn titles_get_no_speaker_even_before_a_trailing_verb() {
    let t = "“The Long Night Of Freedonia,” Firefly wrote in 1998, is a memoir.";
    assert_eq!(speaker(t, "The Long"), None);
    let t = "In her book “Harbour Lights” Teasdale said little.";
    assert_eq!(speaker(t, "Harbour"), None);
}

#[test]
fn according_to_an_unknown_outlet_names_no_speaker() {
    let t = "According to Harbor Daily Star, the team sees the plan as “a trap.”";
    assert_eq!(speaker(t, "a trap"), None);
}

#[test]
fn according_to_a_record_leaves_the_speaker_to_the_frame_before() {
    let t = "Firefly told Trentino that the port was “a line not to be crossed,” according to a readout.";
    assert_eq!(speaker(t, "a line").as_deref(), Some("Rufus Firefly"));
    let t = "The port is “a line not to be crossed,” according to a readout.";
    assert_eq!(speaker(t, "a line"), None);
}

#[test]
fn a_participle_after_with_has_its_own_subject() {
    let t =
        "Freedonia and Sylvania held talks in Geneva, with both sides describing them as “useful.”";
    assert_eq!(speaker(t, "useful"), None);
    let t = "Freedonia and Sylvania held talks in Geneva, with Firefly calling them “useful.”";
    assert_eq!(speaker(t, "useful").as_deref(), Some("Rufus Firefly"));
}

#[test]
fn headline_verbs_joined_by_a_comma_share_the_subject() {
    let t = "Trentino rejects the offer, says Freedonia 'lost touch with reality'";
    assert_eq!(speaker(t, "lost touch").as_deref(), TRENTINO);
}

#[test]
fn a_title_after_a_possessive_belongs_to_the_name() {
    let t = "Firefly’s special envoy Ivo Petran was more guarded: “We are not there yet.”";
    assert_eq!(speaker(t, "We are").as_deref(), Some("Ivo Petran"));
}

#[test]
fn he_after_an_unnamed_aide_is_not_the_aide_s_boss() {
    let t = "Firefly’s chief of staff dismissed the remarks. “They say this every week,” he said.";
    assert_eq!(speaker(t, "They say"), None);
}

#[test]
fn an_owner_before_a_possessive_is_not_the_speaker() {
    let t = "“Talks will go on,” said Firefly’s spokesman Ivo Petran.";
    assert_eq!(speaker(t, "Talks").as_deref(), Some("Ivo Petran"));
    let t = "The plan is “dead,” according to Firefly’s office.";
    assert_eq!(speaker(t, "dead"), None);
}

#[test]
fn with_subject_participle() {
    let t = "The summit ended early, with Teasdale stressing her main point: “Peace first.”";
    assert_eq!(speaker(t, "Peace").as_deref(), TEASDALE);
}

#[test]
fn pronoun_resolves_to_the_previous_subject_of_that_gender() {
    let t = "Teasdale spoke after the dinner. Firefly stayed silent. “We are close,” she said.";
    assert_eq!(speaker(t, "We are").as_deref(), TEASDALE);
    let t = "Trentino arrived late. “We have time,” he said.";
    assert_eq!(speaker(t, "We have").as_deref(), TRENTINO);
    assert_eq!(rule(t, "We have").as_deref(), Some("trailing/pronoun"));
}

#[test]
fn role_phrase_resolves_to_the_actor_holding_the_role() {
    let t =
        "Trentino met Marsh in the capital. The Sylvanian president called the offer “an insult”.";
    assert_eq!(speaker(t, "an insult").as_deref(), TRENTINO);
    assert_eq!(rule(t, "an insult").as_deref(), Some("speech-verb/role"));
}

#[test]
fn a_quote_standing_alone_continues_the_previous_speaker() {
    let t = "“It is over,” Firefly told reporters. “Nobody will win this.”";
    assert_eq!(speaker(t, "Nobody").as_deref(), FIREFLY);
    assert_eq!(rule(t, "Nobody").as_deref(), Some("continuation"));
    let t = "Teasdale spoke at length:\n“We stay the course.”";
    assert_eq!(speaker(t, "We stay").as_deref(), TEASDALE);
}

#[test]
fn a_quote_over_two_paragraphs_has_one_speaker() {
    let t = "“The first part of a long answer.\n“And the second part,” Trentino said.";
    assert_eq!(speaker(t, "The first").as_deref(), TRENTINO);
    assert_eq!(speaker(t, "And the").as_deref(), TRENTINO);
}

#[test]
fn people_not_in_the_gazetteer_speak_too() {
    let t = "Mara Quill of the Harbor Institute said the talks were useful. “It was a start,” Quill said.\n\
             Tom Bray, a fellow at the Lantern Foundation, was less sure. “I doubt it,” he said.";
    assert_eq!(speaker(t, "It was").as_deref(), Some("Mara Quill"));
    assert_eq!(speaker(t, "I doubt").as_deref(), Some("Tom Bray"));
}

#[test]
fn nested_quotes_stay_inside_one_quote() {
    let qs = quotes("“He told me ‘never’, and I believed him,” Firefly said.");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].speaker.as_deref(), FIREFLY);
}

#[test]
fn straight_and_single_quotes_count_as_quotes() {
    let t = "\"We are done,\" Teasdale said. Trentino: 'Not yet.'";
    assert_eq!(speaker(t, "We are").as_deref(), TEASDALE);
    assert_eq!(speaker(t, "Not yet").as_deref(), TRENTINO);
}

#[test]
fn apostrophes_are_not_quotes() {
    let qs = quotes("Firefly’s aides don’t expect a deal before the ’30s, Trentino's neither.");
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn scare_quotes_titles_and_lists_get_no_speaker() {
    let t = "Firefly said the so-called “peace dividend” was gone.";
    assert_eq!(speaker(t, "peace"), None);
    let t = "Teasdale said she watched “The Long Night Of Freedonia” twice.";
    assert_eq!(speaker(t, "The Long"), None);
    let t = "The talks left “borders”, “trade” and “water” unresolved.";
    assert_eq!(speaker(t, "borders"), None);
    assert_eq!(speaker(t, "water"), None);
}

#[test]
fn unknown_or_several_speakers_get_no_speaker() {
    let t = "“It is over,” one official said.";
    assert_eq!(speaker(t, "It is"), None);
    let t = "A senior diplomat said the deal was “close”.";
    assert_eq!(speaker(t, "close"), None);
    let t = "Firefly and Trentino called the meeting “historic”.";
    assert_eq!(speaker(t, "historic"), None);
}

#[test]
fn passive_frames_do_not_make_the_subject_the_speaker() {
    let t = "Firefly was described as “tired” by aides.";
    assert_eq!(speaker(t, "tired"), None);
    let t = "The meeting was called “a success” by Teasdale.";
    assert_eq!(speaker(t, "a success").as_deref(), TEASDALE);
}

#[test]
fn objects_and_possessives_are_not_speakers() {
    let t = "In talks with Firefly, Trentino said the offer was “generous”.";
    assert_eq!(speaker(t, "generous").as_deref(), TRENTINO);
    let t = "Teasdale rejected Firefly’s plan, stating she “cannot accept” it.";
    assert_eq!(speaker(t, "cannot").as_deref(), TEASDALE);
}

#[test]
fn a_quote_in_someone_elses_relative_clause_gets_no_speaker() {
    let t = "Firefly said he would meet Trentino, whose “special measures” anger the region.";
    assert_eq!(speaker(t, "special"), None);
}

#[test]
fn a_new_clause_with_its_own_subject_ends_the_frame() {
    let t = "Firefly said the talks went well, and the delegations agreed on a “road map”.";
    assert_eq!(speaker(t, "road map"), None);
}

#[test]
fn quote_ids_are_unique_and_speakers_are_canonical_names() {
    let qs = quotes("“One,” Firefly said. “Two,” said Teasdale. “Three,” Trentino said.");
    let ids: std::collections::HashSet<_> = qs.iter().map(|q| q.id.clone()).collect();
    assert_eq!(ids.len(), 3);
    let speakers: Vec<_> = qs
        .iter()
        .map(|q| q.speaker.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        speakers,
        vec!["Rufus Firefly", "Gloria Teasdale", "Luigi Trentino"]
    );
}

#[test]
fn odd_input_never_panics() {
    for t in [
        "“",
        "”",
        "\"",
        "‘’",
        "“”",
        "“ ”,” said",
        "Firefly said: “",
        "’s",
        "“é’”",
        "a “b\n“c",
    ] {
        let _ = quotes(t);
    }
}

// ---- issue 19: who said what -------------------------------------------------------------------

#[test]
fn a_curly_quote_closed_by_a_straight_mark_keeps_its_trailing_speaker() {
    let t = "Sylvania will sign soon, Marsh said.\n\n“We are nearly there,\" Firefly said of the accord. \"And maybe closer,” he added.";
    assert_eq!(speaker(t, "We are nearly").as_deref(), FIREFLY);
    assert_eq!(speaker(t, "And maybe").as_deref(), FIREFLY);
}

#[test]
fn a_publication_quoted_as_a_source_is_the_speaker() {
    let t = "The Daily Planet wrote that the summit “went nowhere” for Firefly.";
    assert_eq!(speaker(t, "went nowhere").as_deref(), Some("Daily Planet"));
}

#[test]
fn a_description_of_the_one_organisation_named_before_speaks_for_it() {
    let t = "Liberty Front said on Monday that a delegation had left for the capital.\n\n\"We will meet the mediators again next week,\" the armed resistance group said in a post.";
    assert_eq!(speaker(t, "We will meet").as_deref(), Some("Liberty Front"));
    // Two organisations were subjects: the description names neither.
    let t = "Liberty Front said on Monday it would attend. Harbor League said it would not.\n\n\"We will meet the mediators,\" the group said.";
    assert_eq!(speaker(t, "We will meet"), None);
}

#[test]
fn described_bodies_speak_as_their_country_or_their_organisation() {
    let t =
        "The Sylvanian delegation held a briefing where it called the round “useful and frank.”";
    assert_eq!(speaker(t, "useful").as_deref(), Some("Sylvania"));
    let t = "According to the Freedonian army, which said it had moved two brigades, the “limited” operation would go on.";
    assert_eq!(speaker(t, "limited").as_deref(), Some("Freedonian Guard"));
    let t = "The Freedonian Guard (FG) reported to be hitting “supply depots” in the valley.";
    assert_eq!(speaker(t, "supply").as_deref(), Some("Freedonian Guard"));
}

#[test]
fn an_attribution_closing_the_sentence_after_the_quote() {
    let t = "Vera Marsh met Luigi Trentino on Friday. Their meeting ended “on a high note” for both sides, the SYL president noted.";
    assert_eq!(speaker(t, "on a high").as_deref(), TRENTINO);
    assert_eq!(rule(t, "on a high").as_deref(), Some("final-clause/role"));
    // A clause with its own object is not an attribution of the quote.
    let t = "The plan was “a good start” for the region, Firefly said on Friday.";
    assert_eq!(speaker(t, "a good start").as_deref(), FIREFLY);
    let t = "The plan was “a good start” for the region, Firefly said that Sylvania agreed.";
    assert_eq!(speaker(t, "a good start"), None);
}

#[test]
fn an_opening_participle_takes_the_subject_after_its_phrase() {
    let t = "Calling it a “historic” day for the region, Sylvanian President Luigi Trentino on Monday signed the accord.";
    assert_eq!(speaker(t, "historic").as_deref(), TRENTINO);
    let t = "Calling it a “historic” day, Firefly and Trentino signed the accord.";
    assert_eq!(speaker(t, "historic"), None);
}

#[test]
fn a_participle_after_a_quote_with_its_comma_takes_the_main_subject() {
    let t = "Firefly called the offer “generous,” saying Sylvanian partners were “ready to talk.”";
    assert_eq!(speaker(t, "ready").as_deref(), FIREFLY);
}

#[test]
fn a_participle_after_a_person_s_subordinate_clause_is_that_person_s() {
    let t = "Sylvania closed the border on Monday, a day after Firefly demanded talks, writing on Parley: “Open the gates.”";
    assert_eq!(speaker(t, "Open").as_deref(), FIREFLY);
    // The main clause speaks: the participle goes on with it.
    let t =
        "Sylvania said on Monday it was ready, a day after Firefly left, adding: “We are waiting.”";
    assert_eq!(speaker(t, "We are").as_deref(), Some("Sylvania"));
}

#[test]
fn a_headline_repeating_attributed_words_takes_their_speaker() {
    let t =
        "Border accord is 'historic'\n\nTeasdale said on Monday that the accord was “historic”.";
    let qs = quotes(t);
    assert_eq!(qs.len(), 2);
    assert!(
        qs.iter().all(|q| q.speaker.as_deref() == TEASDALE),
        "{qs:#?}"
    );
    assert_eq!(qs[0].attribution.as_deref(), Some("repeated"));
}

#[test]
fn a_list_of_points_continues_the_speaker_until_someone_else_appears() {
    let t = "Firefly wrote on Parley that the talks were “useful.”\n\nHis main points:\n\n→ the talks covered fishing only;\n\n→ “Nobody will be left behind.”";
    assert_eq!(speaker(t, "Nobody").as_deref(), FIREFLY);
    let t = "Firefly wrote on Parley that the talks were “useful.”\n\nHis main points:\n\n→ Trentino will visit in May;\n\n→ “Nobody will be left behind.”";
    assert_eq!(speaker(t, "Nobody"), None);
}

#[test]
fn people_the_gazetteer_lacks_with_bare_titles_and_undotted_initials() {
    let t = "“We are cautious about the spring,” Dana Pell, senior analyst at Harbor Bank in Ostia, said in a note.";
    assert_eq!(speaker(t, "We are cautious").as_deref(), Some("Dana Pell"));
    let t = "Senator Jonah K Brill said this during the hearing, “the committee has just been told of a truce.”";
    assert_eq!(
        speaker(t, "the committee").as_deref(),
        Some("Jonah K Brill")
    );
}

#[test]
fn a_family_name_first_is_the_second_mention() {
    let t = "Sylvanian Foreign Minister Zhou Ming met Teasdale on Friday.\n\n“We want calm waters,” Zhou said.";
    assert_eq!(speaker(t, "We want").as_deref(), Some("Zhou Ming"));
}

#[test]
fn a_readout_speaks_for_whoever_issued_it() {
    let t = "Liberty Front issued a long readout on Sunday.\n\n“The sides agreed to keep talking,” the readout said.";
    assert_eq!(speaker(t, "The sides").as_deref(), Some("Liberty Front"));
    let t = "“We will not yield,” Teasdale said in Ostia.\n\n“Our ports stay open,” the statement said.";
    assert_eq!(speaker(t, "Our ports").as_deref(), TEASDALE);
    // After a meeting of two people, nobody is known to have issued it.
    let t =
        "Teasdale met Trentino on Sunday.\n\n“The sides agreed to keep talking,” the readout said.";
    assert_eq!(speaker(t, "The sides"), None);
}

#[test]
fn an_opening_says_is_not_part_of_the_name_it_inverts() {
    let t = "Prices fell again.\n\nSays Dana Pell, chief economist at Harbor Bank: “It is a slow leak.”";
    assert_eq!(speaker(t, "It is a slow").as_deref(), Some("Dana Pell"));
}

#[test]
fn a_noun_report_is_not_a_speech_verb() {
    let t = "Teasdale said that some early reports of shelling turned out to be “bogus.”";
    assert_eq!(speaker(t, "bogus").as_deref(), TEASDALE);
}

#[test]
fn an_outlet_quoting_someone_as_saying_gives_the_one_quoted() {
    let t = "“Our ports stay open,” the Daily Planet quoted Teasdale as saying.";
    assert_eq!(speaker(t, "Our ports").as_deref(), TEASDALE);
    let t = "The Daily Planet quoted Trentino as saying the border was “sealed for now.”";
    assert_eq!(speaker(t, "sealed").as_deref(), TRENTINO);
}

#[test]
fn a_person_of_a_family_name_first_country_is_named_again_by_the_first_word() {
    let t = "Sylvanian Vice President Hao Renming met Teasdale. “We want calm waters,” Hao said.";
    assert_eq!(speaker(t, "We want").as_deref(), Some("Hao Renming"));
    // Elsewhere the last word is the family name.
    let t = "Freedonian Vice President Dana Pell met Trentino. “We want calm waters,” Pell said.";
    assert_eq!(speaker(t, "We want").as_deref(), Some("Dana Pell"));
}

#[test]
fn an_unnamed_aide_speaks_for_the_organisation_named_with_them() {
    let t = "A Liberty Front aide said the offer was “a trap.”";
    assert_eq!(speaker(t, "a trap").as_deref(), Some("Liberty Front"));
    let t = "At the Harbor League, a senior official said the strike was “over.”";
    assert_eq!(speaker(t, "over").as_deref(), Some("Harbor League"));
    // A country names no one body: nobody.
    let t = "A Freedonian official said the offer was “a trap.”";
    assert_eq!(speaker(t, "a trap"), None);
}

#[test]
fn a_document_the_article_named_speaks_for_itself() {
    // The plan was named with its distinguishing words: its text is the plan's.
    let t = "The Harbor League unveiled a 14-point plan on Monday. It calls for a truce. \
        “All ports will reopen within a week,” the plan said.";
    assert_eq!(speaker(t, "All ports").as_deref(), Some("14-point plan"));
    // A named document ("the Trentino proposal") keeps its name.
    let t = "Freedonia welcomed the Trentino proposal. “Both armies withdraw to the border,” \
        the proposal stated.";
    assert_eq!(
        speaker(t, "Both armies").as_deref(),
        Some("Trentino proposal")
    );
    // A report never told apart from any other is nobody the article names.
    let t = "A report came out on Friday. “The border is quiet,” the report said.";
    assert_eq!(speaker(t, "The border"), None);
}

#[test]
fn a_role_phrase_names_the_unlisted_person_the_article_gave_that_title() {
    // Mara Kell and Odo Brandt are in no gazetteer: the article's titles are all there is.
    let t = "Prime Minister Mara Kell met Foreign Minister Odo Brandt in Harbortown. \
        “We will never sign,” the prime minister said. \
        “We want peace,” the foreign minister said.";
    assert_eq!(speaker(t, "We will never").as_deref(), Some("Mara Kell"));
    assert_eq!(speaker(t, "We want peace").as_deref(), Some("Odo Brandt"));
    // Two prime ministers: "the prime minister" could be either.
    let t = "Prime Minister Mara Kell met Prime Minister Ivo Sand in Harbortown. \
        “We will never sign,” the prime minister said.";
    assert_eq!(speaker(t, "We will never"), None);
}

#[test]
fn a_name_set_off_after_its_title_is_a_person_and_speaks() {
    // Dan Ode is in no gazetteer: the title set off by commas says he is a person.
    let t = "Firefly met Trentino. “The minister is tired,” Firefly’s spokesman, Dan Ode, said.";
    assert_eq!(speaker(t, "The minister").as_deref(), Some("Dan Ode"));
    let t = "The spokesman, Dan Ode, said the talks were “useful”.";
    assert_eq!(speaker(t, "useful").as_deref(), Some("Dan Ode"));
    // A capitalised pair after a comma with no title before it is nobody.
    let t = "They met in the harbour, Port Royal, at noon. “It was cold,” the harbour master said.";
    assert_eq!(speaker(t, "It was cold"), None);
}
