//! The attribution recogniser: for each sentence, the source it rests on, by precedence:
//! in-text cue, footnote, the previous sentence's cue, table `Source:` line, reference-list
//! mention, then an anaphor to the dataset the document analyses.

use super::cues::{CueKind, Cues};
use super::footnotes::Footnote;
use super::notes::footnotes;
use super::references::{references, Reference};
use super::registry::{Registry, RegistryMatch, SourceKind};
use super::table::{tables, Table};
use super::tokens::{tokenize, Token};
use super::{Attribution, Via};
use crate::span::Span;

mod fallbacks;
mod phrases;

use fallbacks::link_footnotes;

/// The longest noun phrase, in words, read next to a cue.
const MAX_PHRASE_WORDS: usize = 12;
/// How far back (in tokens) a verb looks for "X statistics ... showed" when its subject is long.
const FALLBACK_WINDOW: usize = 8;

/// Attribution with a given registry and cue set.
pub struct Attributor<'a> {
    registry: &'a Registry,
    cues: &'a Cues,
}

/// The source of each sentence (spans into `doc_text`), with the built-in registry and cues.
///
/// Pass sentences after `split_at_footnotes`, so a footnote that starts a segmenter "sentence"
/// is not read as text. One result per sentence, `None` when the text names no source.
pub fn attribute(doc_text: &str, sentences: &[Span]) -> Vec<Option<Attribution>> {
    Attributor::new(Registry::builtin(), Cues::builtin()).attribute(doc_text, sentences)
}

/// What the recogniser knows about the whole document.
struct Context<'t> {
    text: &'t str,
    /// The text with footnotes blanked out (same byte length), so cues never read citations.
    masked: String,
    matches: Vec<RegistryMatch>,
    /// Registry mentions that name a dataset ("Ecuadorian travel data", an agency's statistics).
    datasets: Vec<RegistryMatch>,
    footnotes: Vec<Footnote>,
    tables: Vec<Table>,
    references: Vec<Reference>,
    /// Bodies named so far without a registry entry ("Spain's interior ministry"), in text
    /// order: what a later "the ministry" points back to. Filled as the sentences are read.
    named_bodies: std::cell::RefCell<Vec<Attribution>>,
    /// People found to speak for the institution whose report was held ("population indicators
    /// manager Tehseen Islam"): their surname alone later ("Islam said") speaks for it too.
    staff: std::cell::RefCell<Vec<String>>,
}

impl<'a> Attributor<'a> {
    pub fn new(registry: &'a Registry, cues: &'a Cues) -> Attributor<'a> {
        Attributor { registry, cues }
    }

    /// The source of each sentence; see [`attribute`].
    pub fn attribute(&self, doc_text: &str, sentences: &[Span]) -> Vec<Option<Attribution>> {
        let context = self.context(doc_text);
        self.attribute_in(&context, sentences, &[])
    }

    /// The sources of two lists of spans of the same document (its sentences, then its table
    /// rows), reading the document's footnotes, registry mentions, tables and references once.
    ///
    /// `statistic[i]` says that sentence `i` states a statistic (the caller knows the figures):
    /// such a sentence that names no source goes on with the report the last attributed
    /// sentence gave, while every sentence between them stated statistics too (`Via::Carried`).
    pub fn attribute_both(
        &self,
        doc_text: &str,
        sentences: &[Span],
        statistic: &[bool],
        rows: &[Span],
    ) -> (Vec<Option<Attribution>>, Vec<Option<Attribution>>) {
        self.attribute_both_with(doc_text, footnotes(doc_text), sentences, statistic, rows)
    }

    /// [`Attributor::attribute_both`] given the document's footnotes (`footnotes(doc_text)`),
    /// for a caller that has already read them.
    pub fn attribute_both_with(
        &self,
        doc_text: &str,
        document_footnotes: Vec<Footnote>,
        sentences: &[Span],
        statistic: &[bool],
        rows: &[Span],
    ) -> (Vec<Option<Attribution>>, Vec<Option<Attribution>>) {
        let context = self.context_with(doc_text, document_footnotes);
        (
            self.attribute_in(&context, sentences, statistic),
            self.attribute_in(&context, rows, &[]),
        )
    }

    /// One pass over the sentences: each is tokenised once, and its tokens serve the in-text
    /// cues, the table pointer and the anaphor of this sentence and of the next one.
    fn attribute_in(
        &self,
        context: &Context,
        sentences: &[Span],
        statistic: &[bool],
    ) -> Vec<Option<Attribution>> {
        let doc_text = context.text;
        let footnote_of = link_footnotes(doc_text, sentences, &context.footnotes);
        let mut result = Vec::with_capacity(sentences.len());
        let mut report: Option<Attribution> = None;
        let mut previous: Option<Reading> = None;
        let mut paragraph_states = false;
        let mut report_said = false;
        let mut suspended = false;
        let mut report_words: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (idx, sentence) in sentences.iter().enumerate() {
            let tokens = SentenceTokens::new(context, *sentence);
            let follows = idx
                .checked_sub(1)
                .and_then(|prev| sentences.get(prev))
                .is_some_and(|prev| same_paragraph(doc_text, *prev, *sentence));
            if !follows {
                paragraph_states = false;
            }
            let reading = Reading {
                span: *sentence,
                own: self.own_attribution(context, *sentence, &tokens),
                tokens,
                states: statistic.get(idx).copied().unwrap_or(false),
                leads_into_statistic: leads_into_statistic(doc_text, sentences, statistic, idx),
                follows_statistic: paragraph_states,
                report_said,
                continues_quote: continues_quote(doc_text, sentences, idx),
            };
            paragraph_states |= reading.states;
            let previous_in_paragraph = previous.as_ref().filter(|_| follows);
            let found = reading.own.clone().or_else(|| {
                self.source_beyond(context, &reading, footnote_of[idx], previous_in_paragraph)
            });
            if idx <= LEDE_SENTENCES && found.is_none() && !reading.states && report.is_none() {
                // "The United Nations High Commissioner for Refugees (UNHCR) is calling for
                // urgent international support …": the body the lede opens on issues the
                // release whose figures follow.
                if let Some(subject) = self.lede_subject(context, reading.span) {
                    report = Some(subject);
                    result.push(None);
                    previous = Some(reading);
                    continue;
                }
            }
            let held = report.clone();
            // "The growth trend was bolstered by rising use of official banking channels … ¶ In
            // June 2025 alone, Bangladesh received US$2.81 billion in remittances": one aside
            // without a statistic holds the report in suspense; the next statistic goes on with it
            // when it shares a word with the report's sentences ("remittances") and no heading
            // stands between. A sentence naming its own source ends it.
            if suspended && (reading.states || found.is_some()) {
                let shares =
                    words_of(reading.tokens.text()).any(|word| report_words.contains(&word));
                // A heading between ("Declining Northeastern regions also high") starts another
                // section.
                let heading = idx
                    .checked_sub(1)
                    .and_then(|prev| sentences.get(prev))
                    .is_some_and(|prev| {
                        doc_text
                            .get(prev.end..sentence.start)
                            .is_some_and(|gap| gap.chars().any(char::is_alphanumeric))
                    });
                if !shares || heading || found.is_some() {
                    report = None;
                }
                suspended = false;
            }
            let is_found = found.is_some();
            result.push(self.follow_report(context, &mut report, &reading, found));
            let text = reading.span.slice(context.text).unwrap_or("");
            if held.is_some()
                && report.is_none()
                && !is_found
                && !reading.states
                && !quotes_someone(text)
                && !suspended
            {
                report = held.clone();
                suspended = true;
            } else if suspended && report.is_none() {
                suspended = false;
            }
            if report.is_some() && report != held {
                report_said = reading.own.is_some() && self.says_report(reading.tokens.text());
                report_words.clear();
            }
            if report.is_some() && (reading.states || is_found) {
                report_words.extend(words_of(reading.tokens.text()));
            }
            previous = Some(reading);
        }
        if !statistic.is_empty() {
            self.headline_speaker(context, sentences, &mut result);
            self.source_of_last(context, sentences, &mut result);
            speaker_after_quote(context.text, sentences, &mut result);
        }
        result
    }

    /// "In the first ten months of the current year, more people have already been deported
    /// than in the entire year of 2022. This emerges from a response from the Federal Ministry
    /// of the Interior": a sentence opening on a `source_of_last` phrase names the source of the
    /// sentence before it in its paragraph, when that one names none.
    fn source_of_last(
        &self,
        context: &Context,
        sentences: &[Span],
        result: &mut [Option<Attribution>],
    ) {
        for idx in 1..sentences.len().min(result.len()) {
            let Some(found) = result[idx]
                .clone()
                .filter(|found| found.via == Via::Attribution)
            else {
                continue;
            };
            let opens = sentences[idx].slice(context.text).is_some_and(|text| {
                let lower = text.trim_start().to_lowercase();
                self.cues
                    .source_of_last
                    .iter()
                    .any(|phrase| lower.starts_with(phrase.as_str()))
            });
            if opens
                && result[idx - 1].is_none()
                && same_paragraph(context.text, sentences[idx - 1], sentences[idx])
            {
                result[idx - 1] = Some(found);
            }
        }
    }

    /// "Schreiber says SA spent R300m deporting foreigners", "Deportations from Germany up 30%
    /// so far this year, ministry says": a headline (the document's first sentence, a paragraph
    /// of its own) whose speaker is named only in short is the source the body names in full
    /// ("Home Affairs Minister Leon Schreiber", "the Interior Ministry"): the first source a
    /// later sentence names itself whose mention holds the speaker's last word. The mention is
    /// the headline's own words.
    fn headline_speaker(
        &self,
        context: &Context,
        sentences: &[Span],
        result: &mut [Option<Attribution>],
    ) {
        let (Some(headline), Some(None)) = (sentences.first(), result.first()) else {
            return;
        };
        let own_paragraph = context
            .text
            .get(headline.end..)
            .is_some_and(|after| after.trim_start_matches([' ', '\t']).starts_with('\n'));
        if !own_paragraph {
            return;
        }
        let Some(speaker) = headline_subject(context.text, *headline) else {
            return;
        };
        let Some(head) = speaker
            .slice(context.text)
            .and_then(|words| words.split_whitespace().next_back())
            .map(|word| {
                word.trim_matches(|ch: char| !ch.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|head| head.chars().count() >= 2)
        else {
            return;
        };
        let named = result.iter().skip(1).flatten().find(|found| {
            found.via == Via::Attribution
                && found
                    .mention
                    .split(|ch: char| !ch.is_alphanumeric())
                    .any(|word| word.to_lowercase() == head)
        });
        if let Some(named) = named {
            let mention = speaker.slice(context.text).unwrap_or("").to_string();
            result[0] = Some(Attribution {
                mention,
                mention_span: speaker,
                citation: None,
                ..named.clone()
            });
        }
    }

    /// The source a sentence names itself: an in-text cue (linked to its reference-list entry),
    /// else a headline's trailing source. A body named there without a registry entry is
    /// remembered for a later "the ministry".
    fn own_attribution(
        &self,
        context: &Context,
        sentence: Span,
        tokens: &SentenceTokens,
    ) -> Option<Attribution> {
        let own = self
            .in_text(context, &tokens.masked)
            .map(|found| self.link_reference(context, found))
            .or_else(|| self.trailing_source(context, sentence))
            .or_else(|| self.leading_source(context, sentence))
            .or_else(|| self.data_of(context, sentence, tokens.text()))
            .map(|found| self.publisher_of(context, sentence, found));
        // A publication named without a registry entry ("The Pakistan Economic Survey 2025 has
        // revealed") is what a later "according to the survey" points back to, as a body is.
        if let Some(found) = own
            .as_ref()
            .filter(|found| self.unregistered_body(found) || self.unregistered_publication(found))
        {
            context.named_bodies.borrow_mut().push(found.clone());
        }
        own
    }

    /// The source of a sentence that names none itself, by precedence: its footnote (index
    /// `footnote` into the document's), the source the previous sentence of its paragraph named
    /// itself, a table's `Source:` line, a reference-list mention, then an anaphor to the
    /// dataset the document analyses.
    fn source_beyond(
        &self,
        context: &Context,
        reading: &Reading,
        footnote: Option<usize>,
        previous_in_paragraph: Option<&Reading>,
    ) -> Option<Attribution> {
        footnote
            .and_then(|f| context.footnotes.get(f))
            .map(|footnote| self.footnote_attribution(context.text, footnote))
            .or_else(|| previous_in_paragraph.and_then(|previous| previous.own.clone()))
            .or_else(|| self.table_attribution(context, reading.span, reading.tokens.text()))
            .or_else(|| self.reference_attribution(context, reading.span))
            .or_else(|| {
                self.document_attribution(
                    context,
                    reading.tokens.text(),
                    previous_in_paragraph.map(|previous| previous.tokens.text()),
                )
            })
    }

    /// The report an earlier paragraph attributed goes on through sentences that state
    /// statistics; a sentence without one (comment, background, a quote) ends it. Moves `report`
    /// past `reading` and gives the sentence's attribution: `found`, else for a sentence that
    /// states a statistic the report carried on.
    fn follow_report(
        &self,
        context: &Context,
        report: &mut Option<Attribution>,
        reading: &Reading,
        found: Option<Attribution>,
    ) -> Option<Attribution> {
        let found = found
            .map(|found| self.staff_of_report(context, report.as_ref(), found))
            .map(|found| self.publication_of_report(context, report.as_ref(), found))
            .map(|found| self.agency_of_parent(report.as_ref(), found));
        let Some(found) = found else {
            if reading.states {
                return self.carry_report(context, report, reading);
            }
            if self.ends_report(context.text, reading) {
                *report = None;
            }
            return None;
        };
        // An agency that relays the report's figures ("over 100 km ..., Xinhua news agency
        // reports") does not take over the body whose figures it relays.
        let relays = reading.states
            && (found.kind == Some(SourceKind::News) || self.unregistered_outlet(&found))
            && report.as_ref().is_some_and(|held| {
                held.kind.is_some_and(SourceKind::is_institution) || self.unregistered_body(held)
            });
        if relays {
            // The relayed body's report goes on.
        } else if reading.own.is_some() || reading.states {
            *report = Some(found.clone());
        } else if self.ends_report(context.text, reading) {
            // A sentence that states nothing and names nobody itself ("The move was the latest
            // expression of ...") ends the report even when it leans on the sentence before.
            *report = None;
        }
        Some(found)
    }

    /// "… said the UN refugee agency (UNHCR) on Tuesday. ¶ The UN documented 997,905 registered
    /// refugees": the international organisation a held agency belongs to (its registry
    /// `parent`), named after it, is that agency again; the source stays the agency, the mention
    /// the parent's name.
    fn agency_of_parent(&self, report: Option<&Attribution>, found: Attribution) -> Attribution {
        let Some(held) = report.filter(|held| held.kind.is_some_and(SourceKind::is_institution))
        else {
            return found;
        };
        let parent = self
            .registry
            .get(&held.name)
            .and_then(|entry| entry.parent.as_deref());
        // Only an international organisation stands loosely for its agencies ("the UN"); a
        // government body named after its component ("by CBP" after the Border Patrol) counts
        // more than the component.
        if parent != Some(found.name.as_str())
            || found.kind != Some(SourceKind::InternationalOrganization)
        {
            return found;
        }
        Attribution {
            name: held.name.clone(),
            kind: held.kind,
            ..found
        }
    }

    /// "The UN Refugee Agency (UNHCR) has announced … ¶ Nearly half of those are children, the
    /// annual Global Trends study has found": a title without a registry entry, named right
    /// before a `publications` word ("study", "report") while an institution's report is held,
    /// is that institution's publication; the source is the institution, the mention the
    /// title.
    fn publication_of_report(
        &self,
        context: &Context,
        report: Option<&Attribution>,
        found: Attribution,
    ) -> Attribution {
        let Some(held) = report.filter(|held| held.kind.is_some_and(SourceKind::is_institution))
        else {
            return found;
        };
        if found.kind.is_some()
            || self.unregistered_body(&found)
            || self.unregistered_outlet(&found)
            || !found.name.starts_with(char::is_uppercase)
        {
            return found;
        }
        let titled = context
            .text
            .get(found.mention_span.end..)
            .and_then(|after| after.split_whitespace().next())
            .is_some_and(|word| {
                let word = word
                    .trim_matches(|ch: char| !ch.is_alphanumeric())
                    .to_lowercase();
                self.cues.publications.contains(&word) || word == "survey"
            });
        if !titled {
            return found;
        }
        Attribution {
            name: held.name.clone(),
            kind: held.kind,
            ..found
        }
    }

    /// "… population indicators manager Tehseen Islam said": a person without a registry entry
    /// named right after a lower-case job title of statistics (`statistical_subjects`, ending
    /// in one of `roles`) speaks for the institution whose report is held; the source is that
    /// institution, the mention the person's name.
    fn staff_of_report(
        &self,
        context: &Context,
        report: Option<&Attribution>,
        found: Attribution,
    ) -> Attribution {
        /// Words of the title ("population indicators manager").
        const MAX_TITLE_WORDS: usize = 4;
        /// Words of a title after the name ("ABS head of migration statistics").
        const MAX_APPOSITIVE_WORDS: usize = 8;
        let Some(held) = report.filter(|held| {
            held.kind.is_some_and(SourceKind::is_institution) || self.unregistered_body(held)
        }) else {
            return found;
        };
        if found.kind.is_some() || self.unregistered_body(&found) {
            return found;
        }
        let before = context.text[..found.mention_span.start.min(context.text.len())]
            .trim_end()
            .rsplit(|ch: char| ch.is_whitespace())
            .take(MAX_TITLE_WORDS)
            .take_while(|word| {
                !word.is_empty() && word.chars().all(|ch| ch.is_lowercase() || ch == '-')
            })
            .collect::<Vec<&str>>();
        let titled = before
            .first()
            .is_some_and(|role| self.cues.roles.contains(*role))
            && before
                .iter()
                .skip(1)
                .any(|word| self.cues.statistical_subjects.contains(*word));
        // "Jenny Dobak, ABS head of migration statistics, said": an appositive after the name
        // that names the institution itself.
        let of_held = || {
            let after = context
                .text
                .get(found.mention_span.end..)
                .and_then(|rest| rest.strip_prefix(','))
                .and_then(|rest| rest.split_once(','))
                .map(|(appositive, _)| appositive);
            after.is_some_and(|appositive| {
                let start = found.mention_span.end + 1;
                let span = Span::new(start, start + appositive.len());
                appositive.split_whitespace().count() <= MAX_APPOSITIVE_WORDS
                    && matches_in(context, span).any(|named| {
                        self.registry
                            .entry(named.entry)
                            .is_some_and(|entry| entry.name == held.name)
                    })
            })
        };
        // "… Islam said." after "population indicators manager Tehseen Islam said": the
        // surname of one found to speak for the institution.
        let surname = !found.name.contains(' ')
            && context.staff.borrow().iter().any(|name| {
                name.rsplit(' ').next() == Some(found.name.as_str()) && name != &found.name
            });
        if !titled && !surname && !of_held() {
            return found;
        }
        if !surname {
            context.staff.borrow_mut().push(found.name.clone());
        }
        Attribution {
            name: held.name.clone(),
            kind: held.kind,
            ..found
        }
    }

    /// For a sentence that states a statistic and names no source: the report held, carried on
    /// (`Via::Carried`) when a body gave it (an institution, or a body named without a registry
    /// entry) and the sentence names no other body and plainly goes on with it; else the report
    /// ends here.
    fn carry_report(
        &self,
        context: &Context,
        report: &mut Option<Attribution>,
        reading: &Reading,
    ) -> Option<Attribution> {
        let carried = report
            .as_ref()
            .filter(|found| {
                (found.kind.is_some_and(SourceKind::is_institution)
                    || found.kind == Some(SourceKind::News)
                    || self.unregistered_body(found)
                    || self.unregistered_publication(found)
                    || self.titled_official(context, found)
                    || compiled_by(context.text, found))
                    && !self.names_another_body(context, reading.span, found)
                    && (continues_report(
                        reading.span.slice(context.text).unwrap_or(""),
                        reading.tokens.text(),
                        self.cues,
                    ) || self.speaker_points_back(reading.tokens.text())
                        || reading.continues_quote)
            })
            .map(|found| Attribution {
                via: Via::Carried,
                ..found.clone()
            });
        if carried.is_none() {
            *report = None;
        }
        carried
    }

    /// "Caminando Fronteras, an NGO specializing in rescue operations": a name followed by an
    /// appositive ("a" or "an", up to three words) whose noun is a body's (`bodies`,
    /// `appositive_bodies`).
    fn named_as_body(&self, context: &Context, found: &Attribution) -> bool {
        /// Words of the appositive up to its noun ("an NGO", "a Spanish migrant rights group").
        const MAX_APPOSITIVE_WORDS: usize = 4;
        let Some(after) = context
            .text
            .get(found.mention_span.end..)
            .and_then(|rest| rest.strip_prefix(", "))
        else {
            return false;
        };
        let mut words = after.split_whitespace().map(|word| {
            word.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '-')
                .to_lowercase()
        });
        if !words.next().is_some_and(|word| word == "a" || word == "an") {
            return false;
        }
        words.take(MAX_APPOSITIVE_WORDS).any(|word| {
            self.cues.bodies.contains(&word) || self.cues.appositive_bodies.contains(&word)
        })
    }

    /// A publication named without a registry entry: its last word is a `publications` word
    /// ("Pakistan Economic Survey").
    fn unregistered_publication(&self, found: &Attribution) -> bool {
        found.kind.is_none()
            && found.via == Via::Attribution
            && found.name.split_whitespace().count() > 1
            && found
                .name
                .split_whitespace()
                .next_back()
                .is_some_and(|word| self.cues.publications.contains(&word.to_lowercase()))
    }

    /// A news outlet named without a registry entry: its last word is an `outlets` word
    /// ("Hala News").
    fn unregistered_outlet(&self, found: &Attribution) -> bool {
        found.kind.is_none()
            && found
                .name
                .split_whitespace()
                .next_back()
                .is_some_and(|word| self.cues.outlets.contains(&word.to_lowercase()))
    }

    /// Whether the sentence names a body of the registry other than the one whose report is
    /// `held`: its figures may be that body's ("with 195,334 refugees registered with the
    /// UNHCR" goes on with the UNHCR's report).
    fn names_another_body(&self, context: &Context, sentence: Span, held: &Attribution) -> bool {
        matches_in(context, sentence).any(|found| {
            self.registry
                .entry(found.entry)
                .is_none_or(|entry| entry.name != held.name)
        })
    }

    /// Whether a sentence that states no statistic ends the report: it does unless it leads
    /// into a statistic in its paragraph or tells how the statistics moved.
    fn ends_report(&self, doc_text: &str, reading: &Reading) -> bool {
        let text = reading.span.slice(doc_text).unwrap_or("");
        // "… 18,000 unaccompanied minors, more than twice the figure seen in February. The
        // influx of children burdens an already-strained system. ¶ Single adults make up …": a
        // comment on a statistic of its own paragraph, quoting no one, leaves a report a
        // reporting word named going on ("according to CBP figures"). An actor's report ("DHS
        // deported 116 Chinese nationals. The move was the latest expression of …") ends.
        if reading.follows_statistic && reading.report_said && !quotes_someone(text) {
            return false;
        }
        // "Here are some of the key points:" leads into the list after it.
        !reading.leads_into_statistic
            && !text.trim_end().ends_with(':')
            && !self.tells_a_trend(text, &reading.tokens)
            && !self.speaker_points_back(reading.tokens.text())
    }

    /// Whether a sentence names its source with a reporting word: a verb of `reporting_verbs`
    /// ("according to", "said", "figures show"), or a data or publication noun ("the data
    /// published by Eurostat", "the report").
    fn says_report(&self, tokens: &[Token]) -> bool {
        tokens.iter().any(|token| {
            let word = token.lower.as_ref();
            self.cues.reporting_verbs.contains(word)
                || self.cues.data.contains(word)
                || self.cues.publications.contains(word)
        })
    }

    /// "“691,049 people have returned”, he added.": every speaker the sentence names points
    /// back to one named before (a pronoun, "the spokeswoman", "the same source", "officials"),
    /// so it goes on with the report held instead of ending it. A sentence that names no
    /// speaker, or one speaker by name, does not.
    fn speaker_points_back(&self, tokens: &[Token]) -> bool {
        let words: Vec<&str> = tokens
            .iter()
            .filter(|token| token.is_word)
            .map(|token| &*token.lower)
            .collect();
        let mut speakers = words
            .iter()
            .enumerate()
            .filter(|(_, word)| self.cues.speech.contains(**word))
            .peekable();
        speakers.peek().is_some()
            && speakers.all(|(at, word)| {
                if *word == "according" {
                    return words.get(at + 1) == Some(&"to")
                        && self.points_back(words.get(at + 2..).unwrap_or(&[]));
                }
                // The subject before the verb, past "also" or "later"; else an inverted one
                // after it ("…, said the ministry").
                let mut before = &words[..at];
                while let Some((last, rest)) = before.split_last() {
                    if !self.cues.auxiliaries.contains(*last) {
                        break;
                    }
                    before = rest;
                }
                self.subject_points_back(before)
                    || self.points_back(words.get(at + 1..).unwrap_or(&[]))
            })
    }

    /// A subject (the words before its verb) that points back: a pronoun, "officials", or a
    /// definite body, publication or spokesperson ("the UNHCR spokeswoman" is named, not
    /// pointing back).
    fn subject_points_back(&self, before: &[&str]) -> bool {
        let Some((head, rest)) = before.split_last() else {
            return false;
        };
        if self.cues.pronouns.contains(*head) {
            return true;
        }
        let rest = rest.strip_suffix(&["same"]).unwrap_or(rest);
        self.points_back_as_head(head)
            && (rest
                .last()
                .is_some_and(|word| self.cues.definite.contains(*word))
                || matches!(*head, "officials" | "authorities") && rest.is_empty())
    }

    /// A head noun that, made definite, points back to the body whose report is held: a body,
    /// a publication or a `speakers` word ("the spokeswoman", "the same source"), not another
    /// person ("the president").
    fn points_back_as_head(&self, head: &str) -> bool {
        self.cues.bodies.contains(head)
            || self.cues.publications.contains(head)
            || self.cues.speakers.contains(head)
            || self.cues.data.contains(head)
    }

    /// The noun phrase at the start of `after` points back ("according to the ministry",
    /// "…, said the spokeswoman", "…, she added").
    fn points_back(&self, after: &[&str]) -> bool {
        match after {
            [pronoun, ..] if self.cues.pronouns.contains(*pronoun) => true,
            [determiner, rest @ ..] if self.cues.definite.contains(*determiner) => {
                let rest = rest.strip_prefix(&["same"]).unwrap_or(rest);
                rest.first()
                    .is_some_and(|head| self.points_back_as_head(head))
            }
            _ => false,
        }
    }

    /// A sentence without a figure that tells how the statistics moved (a `trend` word) and
    /// quotes nobody: it goes on with the report.
    fn tells_a_trend(&self, text: &str, tokens: &SentenceTokens) -> bool {
        tokens
            .text()
            .iter()
            .any(|token| self.cues.trend.contains(token.lower.as_ref()))
            && !quotes_someone(text)
    }

    /// A person named with the title of an office that speaks for a body ("Austria's Interior
    /// Minister Gerhard Karner", "Home Affairs Minister Leon Schreiber"; `official_titles`), or
    /// named so earlier in the document ("Karner announced" after it).
    fn titled_official(&self, context: &Context, found: &Attribution) -> bool {
        /// Bytes before an earlier mention of the name that its title may take.
        const TITLE_REACH: usize = 40;
        let titled = |text: &str| {
            text.split(|ch: char| !ch.is_alphanumeric())
                .any(|word| self.cues.official_titles.contains(&word.to_lowercase()))
        };
        if titled(&found.mention) {
            return true;
        }
        // "Juan Carlos Alfonso Faga, deputy head of the National Office of Statistics": the
        // title in an appositive right after the name.
        let appositive = context
            .text
            .get(found.mention_span.end..)
            .and_then(|after| after.strip_prefix(", "))
            .map(|after| {
                let end = crate::util::floor_char_boundary(after, TITLE_REACH.min(after.len()));
                after[..end].split([',', ';', '.']).next().unwrap_or("")
            });
        if appositive.is_some_and(|words| titled(words) && words.contains(" of ")) {
            return true;
        }
        let name = found.mention.trim();
        if name.is_empty() || !name.starts_with(char::is_uppercase) {
            return false;
        }
        let before = context.text.get(..found.mention_span.start).unwrap_or("");
        before.match_indices(name).any(|(at, _)| {
            let from = crate::util::floor_char_boundary(before, at.saturating_sub(TITLE_REACH));
            titled(&before[from..at])
        })
    }

    /// A source named in the text without a registry entry whose name ends in a body noun
    /// (`bodies`: "Spain's interior ministry", "the IOM's Missing Migrants Project"), or in one
    /// followed by who speaks for it (`voices`: "an Interior Ministry spokesman"), or starts
    /// with one of a statistics office (`leading_bodies`: "Stats NZ"), not a person or an outlet.
    fn unregistered_body(&self, found: &Attribution) -> bool {
        // The head noun: the last word, or the one before "of" or "for" ("Bank of Mexico",
        // "Federal Office for Migration and Refugees").
        let mut words: Vec<&str> = found.name.split_whitespace().collect();
        // "Interior Ministry spokesman": who speaks for the body is not its head noun.
        if words.len() > 1
            && words.last().is_some_and(|word| {
                self.cues.voices.contains(
                    &word
                        .trim_matches(|ch: char| !ch.is_alphanumeric())
                        .to_lowercase(),
                )
            })
        {
            words.pop();
        }
        let head = words
            .iter()
            .position(|word| matches!(*word, "of" | "for"))
            .and_then(|at| at.checked_sub(1))
            .map_or(words.last(), |at| words.get(at));
        let is_in = |list: &rustc_hash::FxHashSet<String>, word: Option<&&str>| {
            word.is_some_and(|word| {
                let word = word.trim_matches(|ch: char| !ch.is_alphanumeric());
                list.contains(&word.to_lowercase())
            })
        };
        // An acronym of capitals alone ("the CSO said") names an organisation.
        let acronym = words.len() == 1
            && (2..=6).contains(&words[0].len())
            && words[0].chars().all(|ch| ch.is_ascii_uppercase());
        found.kind.is_none()
            && found.via == Via::Attribution
            && (is_in(&self.cues.bodies, head)
                || acronym
                || (words.len() > 1 && is_in(&self.cues.leading_bodies, words.first())))
    }

    /// A headline's source written after a dash or colon at its end: "Forced displacement at
    /// record 68.5 million people - UNHCR", "... rose over 60% last year: Eurostat".
    fn trailing_source(&self, context: &Context, sentence: Span) -> Option<Attribution> {
        let text = sentence.slice(context.text)?;
        let end = sentence.start + text.trim_end_matches(['.', ' ', '\n']).len();
        let found = matches_in(context, sentence).find(|found| found.span.end == end)?;
        let before = context.text[sentence.start..found.span.start].trim_end();
        // "233000 Afghan Migrants Deported From Iran In One Month, Says IOM".
        let says = before.rsplit_once(' ').is_some_and(|(head, word)| {
            matches!(word.to_lowercase().as_str(), "says" | "say" | "said")
                && head.trim_end().ends_with(',')
        });
        if !before.ends_with(['-', '–', '—', ':', '|']) && !says {
            return None;
        }
        self.registry_attribution(context.text, found.entry, found.span)
    }

    /// "The United Nations High Commissioner for Refugees (UNHCR) is calling for …": an
    /// institution of the registry that opens the sentence as its subject (after "The", past a
    /// dateline ending in a dash, and followed by a lower-case word or its abbreviation in
    /// brackets).
    fn lede_subject(&self, context: &Context, sentence: Span) -> Option<Attribution> {
        let text = sentence.slice(context.text)?;
        // "GENEVA, 12 May 2024 (UNHCR) – The agency …": past a dateline.
        let opening = text
            .find([' ', '\u{a0}'])
            .and_then(|_| text.find(['–', '—']).or_else(|| text.find(" - ")))
            .filter(|at| *at < DATELINE_BYTES)
            .map_or(0, |at| {
                at + text[at..]
                    .char_indices()
                    .find(|(_, ch)| ch.is_alphabetic())
                    .map_or(0, |(offset, _)| offset)
            });
        let rest = &text[opening..];
        let start = sentence.start + opening;
        let after_the = start + rest.strip_prefix("The ").map_or(0, |_| 4);
        let found = matches_in(context, sentence)
            .find(|found| found.span.start == start || found.span.start == after_the)?;
        let entry = self.registry.entry(found.entry)?;
        if !entry.kind.is_institution() {
            return None;
        }
        let after = context.text.get(found.span.end..sentence.end)?.trim_start();
        let after = match after.strip_prefix('(') {
            Some(inside) => inside
                .split_once(')')
                .map_or("", |(_, rest)| rest.trim_start()),
            None => after,
        };
        after
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
            .then(|| self.registry_attribution(context.text, found.entry, found.span))
            .flatten()
    }

    /// A source named before a colon that opens the sentence: "UN: Over 733,000 Afghan
    /// refugees returned from Pakistan", "Eurostat: asylum applications rose 20%".
    fn leading_source(&self, context: &Context, sentence: Span) -> Option<Attribution> {
        let text = sentence.slice(context.text)?;
        let start = sentence.start + (text.len() - text.trim_start().len());
        let found = matches_in(context, sentence).find(|found| found.span.start == start)?;
        context.text[found.span.end..]
            .starts_with(':')
            .then(|| self.registry_attribution(context.text, found.entry, found.span))
            .flatten()
    }

    /// "We've seen a range of insights from the latest Home Office data": a sentence without a
    /// cue that names a registry body's data (its name followed by a `data` word) is that
    /// body's. So is one that names a body's data by the acronym the document defined for it
    /// ("The IPO numbers fell").
    fn data_of(&self, context: &Context, sentence: Span, tokens: &[Token]) -> Option<Attribution> {
        let found = matches_in(context, sentence).find(|found| {
            context
                .masked
                .get(found.span.end..sentence.end)
                .and_then(|after| after.split_whitespace().next())
                .is_some_and(|word| self.is_data_word(word))
        });
        if let Some(found) = found {
            return self.registry_attribution(context.text, found.entry, found.span);
        }
        tokens.windows(2).find_map(|pair| {
            self.is_data_word(&pair[1].text)
                .then(|| self.defined_acronym(context, &pair[0]))
                .flatten()
        })
    }

    fn context<'t>(&self, text: &'t str) -> Context<'t> {
        self.context_with(text, footnotes(text))
    }

    /// The context of `text`, given its footnotes (`footnotes(text)`).
    fn context_with<'t>(&self, text: &'t str, footnotes: Vec<Footnote>) -> Context<'t> {
        let mut masked = text.to_string();
        for footnote in &footnotes {
            blank(&mut masked, footnote.span);
        }
        let mut matches = self.registry.find(&masked, Span::new(0, masked.len()));
        matches.retain(|found| !self.another_country_s(&masked, found));
        let datasets = matches
            .iter()
            .filter(|found| self.names_dataset(&masked, found))
            .copied()
            .collect();
        Context {
            text,
            tables: tables(self.registry, text),
            references: references(text),
            masked,
            matches,
            datasets,
            footnotes,
            named_bodies: std::cell::RefCell::new(Vec::new()),
            staff: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// "Ireland's Department of Justice", "Guatemala's Congress": a U.S. body's registry entry
    /// matched by a name of its that does not say so ("Department of Justice"), after another
    /// country's possessive, is that country's body, not the U.S. one.
    fn another_country_s(&self, text: &str, found: &RegistryMatch) -> bool {
        let Some(entry) = self.registry.entry(found.entry) else {
            return false;
        };
        let mention = found.span.slice(text).unwrap_or("");
        let before = text.get(..found.span.start).unwrap_or("").trim_end();
        let owner = before.split_whitespace().next_back().unwrap_or("");
        phrases::owned_by_another_country(entry, &format!("{owner} {mention}"))
    }

    /// A registry mention that is a dataset: a statistics agency or survey, or followed by "data".
    fn names_dataset(&self, text: &str, found: &RegistryMatch) -> bool {
        if self
            .registry
            .entry(found.entry)
            .is_some_and(|entry| entry.kind.is_dataset())
        {
            return true;
        }
        let mention = found.span.slice(text).unwrap_or("");
        let after = text.get(found.span.end..).unwrap_or("");
        mention
            .split_whitespace()
            .last()
            .into_iter()
            .chain(after.split_whitespace().take(2))
            .any(|word| self.is_data_word(word))
    }

    fn is_data_word(&self, word: &str) -> bool {
        let word = word
            .trim_matches(|ch: char| !ch.is_alphanumeric())
            .to_lowercase();
        self.cues.data.contains(&word)
    }

    /// The best source named by a cue inside the sentence (its tokens with footnotes blanked).
    /// Verbs of `[before]` that name their subject after themselves only when a name or a
    /// determiner follows ("said the agency", "reports New Osnabrück Newspaper", "reads the
    /// report"; not "reports 5,000 cases").
    fn in_text(&self, context: &Context, tokens: &[Token]) -> Option<Attribution> {
        let mut best: Option<(u8, Attribution)> = None;
        for start in 0..tokens.len() {
            // A capitalised cue inside a sentence is a name ("the United States"), not a verb.
            let inside_name = tokens[start].is_capitalised()
                && start > 0
                && tokens[start - 1].is_word
                && !tokens[start - 1].text.ends_with('.');
            if inside_name {
                continue;
            }
            for (phrase, kind) in self.cues.starting_with(&tokens[start].lower) {
                let end = start + phrase.len();
                let matches = tokens
                    .get(start..end)
                    .is_some_and(|window| window.iter().zip(phrase).all(|(t, w)| &t.lower == w));
                if !matches {
                    continue;
                }
                // The longest phrase that names a source wins; a phrase that names none lets a
                // shorter one or the other reading try ("said" after "the Home Office", not only
                // before "the agency").
                if let Some((rank, attribution)) =
                    self.read_cue(context, tokens, (start, end), phrase, *kind)
                {
                    // "On Wednesday, Border Patrol processed 7,759 migrants, the statistics
                    // show": the body that counted ranks below what the writer says the figure
                    // comes from (a data anaphor or a body with a reporting verb).
                    // "…, Vietnam News Agency reported Tuesday, citing the Ministry of Labor":
                    // the body cited is where the figure comes from; the one citing it relays.
                    // "…, the interior ministry said Saturday, Azernews reports, citing ANSA":
                    // news outlets relay the body's figures, however they cite each other.
                    let news = attribution.kind == Some(SourceKind::News);
                    let rank = if *kind == CueKind::Counting || news {
                        (2 * rank).saturating_sub(3)
                    } else if matches!(phrase.as_slice(), [word] if word == "citing") {
                        2 * rank + 1
                    } else {
                        2 * rank
                    };
                    if best.as_ref().is_none_or(|(best_rank, _)| rank > *best_rank) {
                        best = Some((rank, attribution));
                    }
                    break;
                }
            }
        }
        best.map(|(_, attribution)| attribution)
    }

    /// The source a cue `phrase` at tokens `start..end` names, ranked: the agent of a passive
    /// ("was reported by"), the phrase after a `Before` cue ("according to"), the subject
    /// before an `After` or `Counting` cue ("the agency said"), with a registry source a few
    /// words before an `After` verb as the fallback.
    fn read_cue(
        &self,
        context: &Context,
        tokens: &[Token],
        (start, end): (usize, usize),
        phrase: &[String],
        kind: CueKind,
    ) -> Option<(u8, Attribution)> {
        match kind {
            CueKind::Passive => self
                .passive_agent(context, tokens, start, end)
                .map(|found| (3, found)),
            // "said the agency", "says Eurostat": a verb before its subject names it right after
            // itself; "economists said reflected their fear of deportation by President Donald
            // Trump's administration" names no one after "said".
            CueKind::Before
                if matches!(phrase, [verb] if INVERTED_VERBS.contains(&verb.as_str()))
                    && !tokens.get(end).is_some_and(|next| {
                        next.is_capitalised()
                            || self.cues.definite.contains(next.lower.as_ref())
                            || matches!(next.lower.as_ref(), "a" | "an")
                    }) =>
            {
                None
            }
            // "20 per cent of the Central American country's", "per capita": "per" after a
            // number is a unit's, not "per the agency".
            CueKind::Before
                if matches!(phrase, [word] if word == "per")
                    && (start
                        .checked_sub(1)
                        .and_then(|at| tokens.get(at))
                        .is_some_and(|before| {
                            before.text.starts_with(|c: char| c.is_ascii_digit())
                        })
                        || tokens.get(end).is_some_and(|next| {
                            matches!(next.lower.as_ref(), "cent" | "capita")
                        })) =>
            {
                None
            }
            CueKind::Before => {
                let chunk = self.forward_phrase(tokens, end);
                // "Schreiber says SA spent R300m": a name after "says" that a verb follows is
                // the subject of what was said, not who said it ("says Eurostat.", "said the
                // agency in a statement", "said the IOM, adding" close the clause instead).
                let inverted = matches!(phrase, [verb] if INVERTED_VERBS.contains(&verb.as_str()));
                let found = self.classify(context, tokens, chunk, kind)?;
                if inverted {
                    // The word after the name found ("UNHCR representative in Chad" names the
                    // speaker's title, "SA spent" the subject of what was said).
                    let next = tokens
                        .iter()
                        .find(|token| token.span.start >= found.1.mention_span.end);
                    let titled = next.is_some_and(|token| {
                        self.cues.agents.contains(token.lower.as_ref())
                            || token.lower == "representative"
                    });
                    if !titled && !closes_inversion(next) {
                        return None;
                    }
                }
                Some(found)
            }
            // "applications across EU member states reached 912,000", "all the states":
            // "states" after "member" or a determiner is a noun; so is "records" after "break"
            // or "set" ("Border apprehensions in FY 2022 break records").
            CueKind::After
                if start
                    .checked_sub(1)
                    .and_then(|at| tokens.get(at))
                    .is_some_and(|before| match phrase {
                        [verb] if verb == "states" => {
                            matches!(before.lower.as_ref(), "member" | "the" | "these" | "those")
                        }
                        [verb] if verb == "records" => matches!(
                            before.lower.as_ref(),
                            "break"
                                | "breaks"
                                | "broke"
                                | "broken"
                                | "breaking"
                                | "set"
                                | "sets"
                                | "setting"
                                | "new"
                                | "smash"
                                | "smashed"
                                | "shatter"
                                | "shattered"
                        ),
                        _ => false,
                    }) =>
            {
                None
            }
            // "…, the ministry added." or "he added that …" report speech; "has added pressure"
            // does not.
            CueKind::After
                if matches!(phrase, [verb] if CLOSING_VERBS.contains(&verb.as_str()))
                    && tokens
                        .get(end)
                        .is_some_and(|next| next.is_word && next.lower != "that") =>
            {
                None
            }
            // "EU states granted asylum in 267,360 cases": a cue that is also a plural noun,
            // followed by a verb in the past, is that noun ("states", "reports", "records").
            CueKind::After
                if matches!(phrase, [word] if NOUN_CUES.contains(&word.as_str()))
                    && tokens.get(end).is_some_and(|next| {
                        next.is_word && next.lower.len() > 4 && next.lower.ends_with("ed")
                    }) =>
            {
                None
            }
            CueKind::After | CueKind::Counting => {
                let chunk = self.backward_phrase(tokens, start);
                // "over 1 200 cases of Hepatitis E reported": what a number counts, before the
                // verb, is what was reported (a passive), not who reported it.
                if counted_before(tokens, start) {
                    return None;
                }
                self.classify(context, tokens, chunk, kind).or_else(|| {
                    (kind == CueKind::After)
                        .then(|| self.fallback_window(context, tokens, start))
                        .flatten()
                })
            }
        }
    }

    /// "arrested 54,833 times by the Border Patrol": the agency of the registry written right
    /// after `by` (tokens `start..end`), when a counting or reporting verb comes a few words
    /// before it in the same clause ("repression by the party", "by encouraging ICE raids" are
    /// not attributions).
    fn passive_agent(
        &self,
        context: &Context,
        tokens: &[Token],
        start: usize,
        end: usize,
    ) -> Option<Attribution> {
        /// Words between the verb and "by" ("recorded in a single month by CBP").
        const MAX_GAP: usize = 6;
        let verb = tokens[start.saturating_sub(MAX_GAP + 1)..start]
            .iter()
            .rev()
            .take_while(|token| {
                // Words, numbers and a parenthesis ("published today (April 22) by").
                token.is_word
                    || token
                        .text
                        .chars()
                        .all(|ch| ch.is_ascii_digit() || matches!(ch, ',' | '(' | ')'))
            })
            .any(|token| self.cues.is_counting_or_reporting_verb(&token.lower));
        if !verb {
            return None;
        }
        let (from, to) = self.forward_phrase(tokens, end);
        if from >= to {
            return None;
        }
        let chunk = Span::new(tokens[from].span.start, tokens[to - 1].span.end);
        // "data released on June 17 by the Spanish interior ministry": a body named without a
        // registry entry is the agent too.
        let Some(found) = self.registry_in(context, chunk, CueKind::Passive) else {
            return self
                .proper_name(context, tokens, (from, to), CueKind::Passive)
                .filter(|found| {
                    // The body starts the phrase, after "the" at most.
                    let first = from + usize::from(tokens[from].lower == "the");
                    (self.unregistered_body(found) || self.named_as_body(context, found))
                        && tokens
                            .get(first)
                            .is_some_and(|token| token.span.start == found.mention_span.start)
                });
        };
        // The agency starts the phrase, after a determiner at most.
        let starts = |idx: usize| {
            tokens
                .get(idx)
                .is_some_and(|token| token.span.start == found.mention_span.start)
        };
        let after_the = tokens[from].lower == "the" && starts(from + 1);
        (starts(from) || after_the).then_some(found)
    }

    /// Who a noun phrase names, ranked: registry source 3, a data anaphor 2, a proper name 1.
    fn classify(
        &self,
        context: &Context,
        tokens: &[Token],
        (start, end): (usize, usize),
        kind: CueKind,
    ) -> Option<(u8, Attribution)> {
        if start >= end {
            return None;
        }
        let chunk = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
        if let Some(found) = self.registry_in(context, chunk, kind) {
            return Some((3, found));
        }
        if kind != CueKind::Counting {
            if let Some(found) = self.data_anaphor(context, tokens, (start, end), kind) {
                return Some((2, found));
            }
        }
        if let Some(found) = self.agency_anaphor(context, tokens, (start, end)) {
            return Some((2, found));
        }
        // "The SEM dealt with 26,667": an acronym the document defined for a body.
        let first = start + usize::from(self.cues.definite.contains(tokens[start].lower.as_ref()));
        if end == first + 1 {
            if let Some(found) = self.defined_acronym(context, &tokens[first]) {
                return Some((2, found));
            }
        }
        self.proper_name(context, tokens, (start, end), kind)
            .or_else(|| self.official_data(context, tokens, (start, end)))
            .map(|found| (1, found))
    }

    /// The registry source named in `chunk`: the first for a cue before it, else the last.
    fn registry_in(&self, context: &Context, chunk: Span, kind: CueKind) -> Option<Attribution> {
        let inside: Vec<&RegistryMatch> = context
            .matches
            .iter()
            .skip(
                context
                    .matches
                    .partition_point(|m| m.span.end <= chunk.start),
            )
            .take_while(|m| m.span.start < chunk.end)
            // A name after a cue before it may hold a comma that ends the chunk ("according to
            // data from the Bureau of Manpower, Employment and Training (BMET), 600,000 …").
            .filter(|m| {
                m.span.end <= chunk.end || kind == CueKind::Before && m.span.start >= chunk.start
            })
            // "as reported by interviewed migrants to EFE": a name after "to" is who heard the
            // report, not who made it.
            // (A match may start before the chunk and end in it: nothing lies between then.)
            .filter(|m| {
                kind != CueKind::Before
                    || context
                        .text
                        .get(chunk.start..m.span.start)
                        .is_none_or(|between| !between.trim_end().to_lowercase().ends_with(" to"))
            })
            .filter(|m| {
                !matches!(kind, CueKind::Counting | CueKind::Passive)
                    || self.registry.entry(m.entry).is_some_and(|entry| {
                        !matches!(
                            entry.kind,
                            SourceKind::Person | SourceKind::News | SourceKind::Document
                        )
                    })
            })
            .collect();
        let (pick, neighbour) = if matches!(kind, CueKind::Before | CueKind::Passive) {
            let pick = inside.first()?;
            (**pick, inside.get(1).copied())
        } else {
            let pick = inside.last()?;
            (
                **pick,
                inside
                    .len()
                    .checked_sub(2)
                    .and_then(|i| inside.get(i))
                    .copied(),
            )
        };
        // "the U.S. Department of Homeland Security (DHS)": one mention, both names.
        let mut span = pick.span;
        if let Some(other) = neighbour.filter(|other| other.entry == pick.entry) {
            let merged = Span::new(
                span.start.min(other.span.start),
                span.end.max(other.span.end),
            );
            let between = context.text.get(merged.start..merged.end).unwrap_or("");
            if between.len() <= span.len() + other.span.len() + 3 && between.contains('(') {
                span = merged;
                if context
                    .text
                    .get(span.end..)
                    .is_some_and(|rest| rest.starts_with(')'))
                {
                    span.end += 1;
                }
            }
        }
        self.registry_attribution(context.text, pick.entry, span)
    }

    /// "According to the country’s Current Economic and Financial Situation Report …, unveiled by
    /// Nepal Rastra Bank today": a source that is no institution (a report, a dataset named
    /// without an entry) followed in its sentence by a publishing verb and "by" a registered
    /// institution is that institution's; the institution is the source, and its report goes on
    /// like any agency's.
    fn publisher_of(&self, context: &Context, sentence: Span, found: Attribution) -> Attribution {
        /// Bytes between "by" and the institution's name ("by the").
        const MAX_GAP: usize = 5;
        if found.kind.is_some_and(SourceKind::is_institution) || self.unregistered_body(&found) {
            return found;
        }
        let after = Span::new(found.mention_span.end.max(sentence.start), sentence.end);
        let Some(rest) = after.slice(context.text) else {
            return found;
        };
        let lower = rest.to_lowercase();
        let by_end = [
            "released by",
            "published by",
            "unveiled by",
            "issued by",
            "compiled by",
        ]
        .iter()
        .filter_map(|cue| {
            lower
                .find(cue)
                .filter(|at| lower.len() == rest.len() || *at == 0)
                .map(|at| after.start + at + cue.len())
        })
        .min();
        let Some(by_end) = by_end else {
            return found;
        };
        matches_in(context, sentence)
            .find(|candidate| {
                candidate.span.start >= by_end && candidate.span.start <= by_end + MAX_GAP
            })
            .filter(|candidate| {
                self.registry
                    .entry(candidate.entry)
                    .is_some_and(|entry| entry.kind.is_institution())
            })
            .and_then(|candidate| {
                self.registry_attribution(context.text, candidate.entry, candidate.span)
            })
            .unwrap_or(found)
    }

    fn registry_attribution(&self, text: &str, entry: usize, span: Span) -> Option<Attribution> {
        let entry = self.registry.entry(entry)?;
        Some(Attribution {
            name: entry.name.clone(),
            mention: span.slice(text).unwrap_or("").to_string(),
            mention_span: span,
            kind: Some(entry.kind),
            via: Via::Attribution,
            citation: None,
        })
    }
}

/// The sentences of a document's opening (its headline and lede) whose subject may issue the
/// release the statistics after it carry ([`Attributor::lede_subject`]).
const LEDE_SENTENCES: usize = 2;

/// How far into a sentence a dateline's dash may be ("GENEVA, 26 January 2024 (IOM) –").
const DATELINE_BYTES: usize = 60;

/// The registry mentions inside `sentence`, in text order (the document's are sorted by start,
/// so a sentence reads only its own).
fn matches_in<'c>(context: &'c Context, sentence: Span) -> impl Iterator<Item = &'c RegistryMatch> {
    let first = context
        .matches
        .partition_point(|found| found.span.start < sentence.start);
    context.matches[first..]
        .iter()
        .take_while(move |found| found.span.start < sentence.end)
        .filter(move |found| sentence.contains(found.span))
}

/// One sentence as the attribution pass reads it.
struct Reading<'c> {
    span: Span,
    tokens: SentenceTokens<'c>,
    /// The source the sentence names itself (see `own_attribution`).
    own: Option<Attribution>,
    /// Whether the sentence states a statistic.
    states: bool,
    /// Whether the next sentence, in the same paragraph, states a statistic.
    leads_into_statistic: bool,
    /// Whether an earlier sentence of the same paragraph states a statistic.
    follows_statistic: bool,
    /// Whether the report held when the sentence is read was named with a reporting word
    /// ([`Attributor::says_report`]).
    report_said: bool,
    /// Whether the sentence opens a paragraph with a quote mark while the paragraph before left
    /// its quotation open: the same speaker goes on (newspapers close a quotation of several
    /// paragraphs only at its end).
    continues_quote: bool,
}

/// Whether sentence `idx` opens its paragraph with a quote mark while the paragraph before it
/// left a quotation open (an odd number of quote marks).
fn continues_quote(doc_text: &str, sentences: &[Span], idx: usize) -> bool {
    let Some(sentence) = sentences.get(idx) else {
        return false;
    };
    let opens = sentence
        .slice(doc_text)
        .is_some_and(|text| text.trim_start().starts_with(['"', '“']));
    let Some(previous) = idx.checked_sub(1).and_then(|prev| sentences.get(prev)) else {
        return false;
    };
    if !opens || same_paragraph(doc_text, *previous, *sentence) {
        return false;
    }
    // The previous paragraph: its sentences back to the one after a paragraph break.
    let mut first = idx - 1;
    while first > 0 && same_paragraph(doc_text, sentences[first - 1], sentences[first]) {
        first -= 1;
    }
    let paragraph = Span::new(sentences[first].start, previous.end);
    paragraph.slice(doc_text).is_some_and(leaves_quote_open)
}

/// "“On January 19, 38 people tried to illegally cross the Polish-Belarusian border. At the
/// post in Mielnik a group of 30 foreigners forcibly crossed the border. They were detained,”
/// the Border Guard wrote on Twitter.": the speaker named right after a quotation closes, in
/// the sentence that closes it, said every sentence of the quotation. Each sentence from the one
/// that opens the quotation, in the same paragraph, that names no source of its own takes the
/// closing sentence's attribution (its mention is where the speaker is named).
fn speaker_after_quote(doc_text: &str, sentences: &[Span], result: &mut [Option<Attribution>]) {
    let count = sentences.len().min(result.len());
    let mut idx = 0;
    while idx < count {
        let opens = sentences[idx]
            .slice(doc_text)
            .is_some_and(leaves_quote_open);
        if !opens {
            idx += 1;
            continue;
        }
        // The sentence of the paragraph that closes the quotation.
        let mut close = idx + 1;
        while close < count
            && same_paragraph(doc_text, sentences[close - 1], sentences[close])
            && !sentences[close]
                .slice(doc_text)
                .is_some_and(leaves_quote_open)
        {
            close += 1;
        }
        let closes =
            close < count && same_paragraph(doc_text, sentences[close - 1], sentences[close]);
        if !closes {
            idx += 1;
            continue;
        }
        let closing = sentences[close];
        let last_mark = closing
            .slice(doc_text)
            .and_then(|text| quote_marks(text).last().map(|at| closing.start + at));
        let speaker = result[close].clone().filter(|found| {
            found.via == Via::Attribution
                && closing.contains(found.mention_span)
                && last_mark.is_some_and(|mark| found.mention_span.start > mark)
        });
        if let Some(found) = speaker {
            for slot in &mut result[idx..close] {
                if slot.is_none() {
                    *slot = Some(found.clone());
                }
            }
        }
        idx = close + 1;
    }
}

/// Whether the sentence after sentence `idx`, in the same paragraph, states a statistic: one
/// figure-less sentence leading into it ("Turkey remained the leading host. More than two-thirds
/// of refugees came from five countries.") does not end the report; two or more (a comment) do.
fn leads_into_statistic(
    doc_text: &str,
    sentences: &[Span],
    statistic: &[bool],
    idx: usize,
) -> bool {
    sentences.get(idx + 1).is_some_and(|next| {
        same_paragraph(doc_text, sentences[idx], *next)
            && statistic.get(idx + 1).copied().unwrap_or(false)
    })
}

/// A sentence's tokens, read from the text with footnotes blanked (for cues) and as written.
struct SentenceTokens<'c> {
    masked: Vec<Token<'c>>,
    /// `None` when no footnote touches the sentence, so both readings are the same.
    text: Option<Vec<Token<'c>>>,
}

impl<'c> SentenceTokens<'c> {
    fn new(context: &'c Context<'_>, sentence: Span) -> SentenceTokens<'c> {
        let masked = tokenize(&context.masked, sentence);
        let text = (sentence.slice(&context.masked) != sentence.slice(context.text))
            .then(|| tokenize(context.text, sentence));
        SentenceTokens { masked, text }
    }

    /// The tokens of the text as written.
    fn text(&self) -> &[Token<'c>] {
        self.text.as_deref().unwrap_or(&self.masked)
    }
}

fn last_before(matches: &[RegistryMatch], offset: usize) -> Option<&RegistryMatch> {
    let idx = matches.partition_point(|m| m.span.end <= offset);
    idx.checked_sub(1).and_then(|i| matches.get(i))
}

/// Reporting verbs that report speech only at the end of a clause or before "that" ("…, the
/// ministry added."), not before an object ("has added pressure").
const CLOSING_VERBS: &[&str] = &["added", "adds"];

/// Reporting verbs that are also plural nouns ("EU states granted", "news reports suggested").
const NOUN_CUES: &[&str] = &[
    "states",
    "reports",
    "records",
    "documents",
    "notes",
    "estimates",
];

/// Reporting verbs written before their subject ("…, said the ministry").
const INVERTED_VERBS: &[&str] = &["said", "says", "reports", "writes", "reads"];

/// A sentence that plainly goes on with the report an earlier paragraph attributed: it quotes
/// nobody and names no speaker of its own.
/// "According to data independently compiled by Thomas Cartwright, a member of …": whoever is
/// named as the compiler of data keeps a dataset, whose report goes on like an institution's.
fn compiled_by(text: &str, found: &Attribution) -> bool {
    const DATA: &[&str] = &["data", "figures", "statistics", "tally", "count", "records"];
    const VERBS: &[&str] = &[
        "compiled",
        "collected",
        "gathered",
        "kept",
        "tracked",
        "analysed",
        "analyzed",
    ];
    let before = text[..found.mention_span.start.min(text.len())].to_lowercase();
    let words: Vec<&str> = before.split_whitespace().rev().take(5).collect();
    words.first() == Some(&"by")
        && words.get(1).is_some_and(|verb| VERBS.contains(verb))
        && words[2..].iter().any(|word| DATA.contains(word))
}

/// "According to immigration processes, 738,270 adult men were traveling alone": an "according
/// to" whose words name nobody (no capitalised word, no agent, body, publication, speaker or
/// data word after the determiners) is no speaker.
fn continues_report(text: &str, tokens: &[Token], cues: &Cues) -> bool {
    let names_someone = |at: usize| {
        let next = tokens[at + 1..]
            .iter()
            .skip_while(|token| token.lower == "to")
            .find(|token| !cues.definite.contains(token.lower.as_ref()) && token.lower != "a");
        next.is_none_or(|token| {
            token.is_capitalised()
                || [
                    &cues.agents,
                    &cues.bodies,
                    &cues.publications,
                    &cues.speakers,
                    &cues.data,
                    &cues.pronouns,
                ]
                .iter()
                .any(|words| words.contains(token.lower.as_ref()))
        })
    };
    !quotes_someone(text)
        && !tokens.iter().enumerate().any(|(at, token)| {
            matches!(&*token.lower, "said" | "says" | "told" | "added")
                || (token.lower == "according" && names_someone(at))
        })
}

/// The content words of a sentence, lower case: words of five letters or more, not capitalised
/// mid-sentence (names are who counted, not what).
fn words_of<'t>(tokens: &'t [Token]) -> impl Iterator<Item = String> + 't {
    tokens
        .iter()
        .enumerate()
        .filter(|(at, token)| {
            token.is_word
                && token.text.chars().count() >= 5
                && token.text.chars().all(char::is_alphabetic)
                && (*at == 0 || !token.is_capitalised())
        })
        .map(|(_, token)| token.lower.to_string())
}

/// Whether the sentence quotes someone: a quotation of four words or more, or an opening quote
/// mark left open. A word or two in quotes ("registered as “other”", "“trainees”") is a term.
fn quotes_someone(text: &str) -> bool {
    /// Fewer words than this between quote marks are a term, not a quotation.
    const QUOTATION_WORDS: usize = 4;
    let marks = quote_marks(text);
    marks.len() % 2 == 1
        || marks
            .chunks(2)
            .any(|pair| text[pair[0]..pair[1]].split_whitespace().count() >= QUOTATION_WORDS)
}

/// Where the quote marks of `text` are.
fn quote_marks(text: &str) -> Vec<usize> {
    text.char_indices()
        .filter(|(_, ch)| matches!(ch, '"' | '“' | '”'))
        .map(|(at, _)| at)
        .collect()
}

/// An opening quote mark left open: an odd number of quote marks.
fn leaves_quote_open(text: &str) -> bool {
    quote_marks(text).len() % 2 == 1
}

/// The speaker of a headline: the one to three words that open it before "says" or "said"
/// ("Schreiber says …", "Panama says …"), or those after its last comma before a closing "says"
/// ("…, ministry says"). An article before them is left out.
fn headline_subject(text: &str, headline: Span) -> Option<Span> {
    /// The most words a headline's speaker is named in.
    const MAX_SPEAKER_WORDS: usize = 3;
    let line = headline.slice(text)?;
    let is_verb = |word: &str| matches!(word.to_lowercase().as_str(), "says" | "say" | "said");
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|word| (word.as_ptr() as usize - line.as_ptr() as usize, word))
        .collect();
    let trimmed = line.trim_end_matches(|ch: char| ch.is_whitespace() || ch == '.');
    // "…, ministry says": the words after the last comma.
    let closing = trimmed
        .rsplit_once(',')
        .filter(|(_, tail)| {
            let tail: Vec<&str> = tail.split_whitespace().collect();
            tail.len() >= 2
                && tail.len() <= MAX_SPEAKER_WORDS + 1
                && tail.last().is_some_and(|word| is_verb(word))
        })
        .map(|(head, _)| head.len() + 1);
    let (from, verb_at) = match closing {
        Some(from) => (from, words.iter().rposition(|(at, _)| *at < trimmed.len())?),
        None => {
            let verb_at = words
                .iter()
                .take(MAX_SPEAKER_WORDS + 1)
                .position(|(_, word)| is_verb(word))?;
            (0, verb_at)
        }
    };
    let speaker: Vec<&(usize, &str)> = words[..verb_at]
        .iter()
        .filter(|(at, _)| *at >= from)
        .skip_while(|(_, word)| matches!(word.to_lowercase().as_str(), "the" | "a" | "an"))
        .collect();
    if speaker.len() > MAX_SPEAKER_WORDS {
        return None;
    }
    let (first, last) = (speaker.first()?, speaker.last()?);
    let start = headline.start + first.0;
    let end = headline.start + last.0 + last.1.trim_end_matches([',', ':']).len();
    Some(Span::new(start, end))
}

fn same_paragraph(text: &str, previous: Span, sentence: Span) -> bool {
    previous.end <= sentence.start
        && text
            .get(previous.end..sentence.start)
            .is_some_and(|gap| !gap.contains('\n'))
}

/// Replaces `text[span]` by spaces of the same byte length.
fn blank(text: &mut String, span: Span) {
    let Some(piece) = text.get(span.start..span.end) else {
        return;
    };
    let spaces = " ".repeat(piece.len());
    text.replace_range(span.start..span.end, &spaces);
}

#[cfg(test)]
mod tests;

/// "over 1 200 cases of Hepatitis E reported", "3,000 cases of cholera were recorded": a number,
/// a noun and "of" in the few words before the verb at `verb`, with no comma between: what
/// was counted stands before the verb, so nobody is named as who reported it.
fn counted_before(tokens: &[Token], verb: usize) -> bool {
    /// Words between "of" and the verb ("of Hepatitis E were").
    const MAX_AFTER_OF: usize = 5;
    let window = &tokens[verb.saturating_sub(MAX_AFTER_OF + 1)..verb];
    let Some(of) = window.iter().rposition(|token| token.lower == "of") else {
        return false;
    };
    if window[of..].iter().any(|token| token.text == ",") {
        return false;
    }
    let at = verb - window.len() + of;
    tokens[at.saturating_sub(3)..at]
        .iter()
        .any(|token| token.text.starts_with(|c: char| c.is_ascii_digit()))
}

/// What may follow the speaker named after an inverted "said"/"says": the clause's end, a
/// name, or a word that opens an adjunct ("in a statement", "on Monday", "adding that").
fn closes_inversion(next: Option<&Token>) -> bool {
    const OPENERS: &[&str] = &[
        "in",
        "on",
        "at",
        "of",
        "for",
        "to",
        "from",
        "with",
        "by",
        "that",
        "and",
        "adding",
        "according",
        "citing",
        "while",
        "who",
        "which",
        "last",
        "this",
        "earlier",
        "as",
        "after",
        "before",
        "during",
        "when",
        "today",
        "yesterday",
        "late",
        "early",
    ];
    next.is_none_or(|token| {
        !token.is_word || token.is_capitalised() || OPENERS.contains(&token.lower.as_ref())
    })
}
