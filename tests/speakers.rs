//! Who speaks, on made-up articles with no actor file: one test per attribution rule
//! of the quote finder, each with a case the rule decides.

use dossier::analyse::quotes::{Lexicon, QuoteFinder, Speaker, SpeakerMention, StatementKind};

/// Person mentions of each name, as the actor matcher would give them.
fn mentions(text: &str, names: &[(&str, &str)]) -> Vec<SpeakerMention> {
    let mut out = Vec::new();
    for (name, actor) in names {
        for (start, _) in text.match_indices(name) {
            out.push(SpeakerMention {
                actor: actor.to_string(),
                rank: 0,
                range: start..start + name.len(),
            });
        }
    }
    out
}

/// The speakers of the direct quotations of each paragraph, read in order by one finder.
fn speakers(paragraphs: &[&str], names: &[(&str, &str)]) -> Vec<Speaker> {
    let lexicon = Lexicon::builtin();
    let mut finder = QuoteFinder::new(&lexicon);
    let mut out = Vec::new();
    for text in paragraphs {
        for statement in finder.paragraph(text, &mentions(text, names)) {
            if statement.kind == StatementKind::Direct {
                out.push(statement.speaker);
            }
        }
    }
    out
}

fn actor(slug: &str) -> Speaker {
    Speaker::Actor(slug.into())
}

const NAMES: &[(&str, &str)] = &[
    ("Ada Vale", "vale"),
    ("Vale", "vale"),
    ("Bo Lund", "lund"),
    ("Lund", "lund"),
];

#[test]
fn the_subject_of_a_verb_before_an_infinitive_speaks() {
    let text = "Ada Vale wants to know more. Bo Lund declined to say “whether the dam will hold through the spring floods.”";
    assert_eq!(speakers(&[text], NAMES), vec![actor("lund")]);
}

#[test]
fn a_question_is_asked_by_the_attribution_that_follows_it() {
    let text = "“What did the council know about the cracks in the dam?” Ms. Vale plans to ask, according to her notes.";
    assert_eq!(speakers(&[text], NAMES), vec![actor("vale")]);
}

#[test]
fn a_pronoun_opening_the_clause_is_the_subject_of_a_participle() {
    let p1 = "“The dam is sound,” Ada Vale said.";
    let p2 = "She later defended the survey of Bo Lund, saying that “the engineers checked every joint twice.”";
    assert_eq!(
        speakers(&[p1, p2], NAMES),
        vec![actor("vale"), actor("vale")]
    );
}

#[test]
fn a_speaker_made_subject_again_takes_the_next_pronoun() {
    let p1 =
        "“The harbour will reopen in spring,” Ada Vale said. “The dredging is done,” Bo Lund said.";
    let p2 = "Ms. Vale agreed that the costs had grown. “We will find the money,” she said.";
    assert_eq!(
        speakers(&[p1, p2], NAMES),
        vec![actor("vale"), actor("lund"), actor("vale")]
    );
}

#[test]
fn with_no_person_quoted_yet_the_subject_takes_the_pronoun() {
    let p1 =
        "Officials said the vote was close. At the same time, Bo Lund signalled he would wait.";
    let p2 = "“Nobody knows what I will do,” he said.";
    assert_eq!(speakers(&[p1, p2], NAMES), vec![actor("lund")]);
}

#[test]
fn a_name_after_a_verb_or_a_preposition_is_not_the_subject() {
    let p1 = "“The harbour will reopen in spring,” Ada Vale said. “The dredging is done,” Bo Lund said. “It is not,” Ada Vale said.";
    for middle in [
        "The mayor has long criticised Bo Lund over the budget.",
        "The council met with Bo Lund on Tuesday.",
    ] {
        let p2 = format!("{middle} “We will find the money,” he said.");
        let found = speakers(&[p1, &p2], NAMES);
        assert_eq!(found.last(), Some(&actor("vale")), "{middle}");
    }
}

#[test]
fn a_role_the_article_gives_one_person_names_them() {
    let p1 = "Harbour Commissioner Ada Vale opened the new pier on Monday.";
    let p2 = "“The pier will carry twice the freight,” the commissioner said.";
    assert_eq!(speakers(&[p1, p2], NAMES), vec![actor("vale")]);
}

#[test]
fn a_plural_role_is_a_joint_statement_given_to_the_first_named() {
    let p1 = "Trustee Ada Vale and Trustee Bo Lund signed the letter.";
    let p2 = "“The fund was never at risk,” the trustees said.";
    assert_eq!(speakers(&[p1, p2], NAMES), vec![actor("vale")]);
}

#[test]
fn a_role_two_people_share_names_neither() {
    let p1 = "Mayor Ada Vale met Mayor Bo Lund at the bridge.";
    let p2 = "“We will share the cost,” the mayor said.";
    assert_eq!(speakers(&[p1, p2], NAMES), vec![Speaker::Unattributed]);
}

#[test]
fn a_name_after_the_verb_ends_at_a_preposition_of_any_listed_language() {
    for text in [
        "“Es un paso histórico para la región”, declaró Bo Lund ante los periodistas.",
        "“C'est une étape historique pour la région”, a déclaré Bo Lund devant la presse.",
        "“It is a historic step for the region,” said Bo Lund outside the court.",
    ] {
        assert_eq!(speakers(&[text], NAMES), vec![actor("lund")], "{text}");
    }
}

/// After `first`, spoken by Lund, each second paragraph's quotation has its speaker.
fn assert_after_lund(first: &str, seconds: &[(String, Speaker)]) {
    for (second, expected) in seconds {
        assert_eq!(
            speakers(&[first, second.as_str()], NAMES),
            vec![actor("lund"), expected.clone()],
            "{second}"
        );
    }
}

#[test]
fn a_verb_with_its_subject_left_out_points_to_the_one_spoken_of() {
    // Spanish and Portuguese leave out the pronoun English would write ("he said");
    // a verb whose subject follows it is no such verb.
    let quote = "“No habrá más retrasos en las obras del puerto”, dijo";
    assert_after_lund(
        "“Es un paso histórico para la región”, declaró Bo Lund.",
        &[
            (format!("{quote}."), actor("lund")),
            (format!("{quote} Ada Vale."), actor("vale")),
        ],
    );
}

#[test]
fn a_pronoun_no_speaker_fits_is_the_subject_of_the_sentence_before() {
    // Where a speaker fits ("he"), the speaker keeps the pronoun.
    let second = |pronoun: &str| {
        format!(
            "Ms. Vale criticised the plan on Monday. “Nobody asked the farmers,” {pronoun} said."
        )
    };
    assert_after_lund(
        "“The dam will hold through the spring,” said Mr. Lund.",
        &[
            (second("she"), actor("vale")),
            (second("he"), actor("lund")),
        ],
    );
}

#[test]
fn a_participle_of_writing_after_a_comma_speaks_for_the_subject() {
    let paragraphs = [
        "“The dam will hold through the spring,” said Mr. Lund.",
        "Ms. Vale disagreed, tweeting that the plan was “a danger to every farm downstream.",
        "“Nobody asked the farmers what they think of it,” she said.",
        "“La presa resistirá toda la primavera”, explicó Bo Lund.",
    ];
    assert_eq!(
        speakers(&paragraphs, NAMES),
        vec![actor("lund"), actor("vale"), actor("vale"), actor("lund")]
    );
}
