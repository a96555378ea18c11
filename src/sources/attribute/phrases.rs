//! The noun phrase next to a cue (after "according to", before "estimates"), and who it names
//! when it is not a registry alias: a data phrase pointing back to a named dataset, a run of
//! capitalised words, or (for a long subject) a registry source a few words before the verb.

use super::{last_before, Attributor, Context, FALLBACK_WINDOW, MAX_PHRASE_WORDS};
use crate::sources::cues::CueKind;
use crate::sources::registry::{surface_name, RegistryMatch, SourceEntry, SourceKind};
use crate::sources::tokens::Token;
use crate::sources::{Attribution, Via};
use crate::span::Span;

/// Tokens of an appositive between a subject and its verb (", a spokesperson for the IOM,").
const MAX_APPOSITIVE_WORDS: usize = 12;
/// Words of an aside between a subject and its verb (", for its part,").
const MAX_ASIDE_WORDS: usize = 4;

impl Attributor<'_> {
    /// The noun phrase after a cue: words up to punctuation, a clause word or a verb.
    pub(super) fn forward_phrase(&self, tokens: &[Token], from: usize) -> (usize, usize) {
        let mut end = from;
        let mut n_words = 0;
        while let Some(token) = tokens.get(end) {
            if n_words >= MAX_PHRASE_WORDS {
                break;
            }
            if token.text == "(" {
                match tokens[end..].iter().take(6).position(|t| t.text == ")") {
                    Some(close) => {
                        end += close + 1;
                        continue;
                    }
                    None => break,
                }
            }
            if token.is_word {
                // "according to the estimates": a data word after a determiner is a noun, though
                // it is a reporting verb elsewhere ("UNHCR estimates").
                let noun = end > from
                    && self.cues.definite.contains(tokens[end - 1].lower.as_ref())
                    && self.cues.data.contains(token.lower.as_ref());
                if self.cues.stops.contains(token.lower.as_ref())
                    || (self.cues.verbs.contains(token.lower.as_ref()) && !noun)
                {
                    break;
                }
                n_words += 1;
                end += 1;
                continue;
            }
            if matches!(token.text.as_ref(), "-" | "&") {
                end += 1;
                continue;
            }
            break;
        }
        (from, end)
    }

    /// The subject before a cue verb: skips auxiliaries ("has so far", ", which"), then reads
    /// words back to punctuation or a clause word.
    pub(super) fn backward_phrase(&self, tokens: &[Token], cue_start: usize) -> (usize, usize) {
        let end = self.before_auxiliaries(tokens, cue_start);
        let end = before_aside(tokens, end);
        let end = self.before_appositive(tokens, end);
        let start = self.subject_start(tokens, end);
        // "Authorities in Melilla said": an agent of a place is the whole subject.
        let agent_of_place = start >= 2
            && start < end
            && matches!(tokens[start - 1].lower.as_ref(), "in" | "of" | "from")
            && self.cues.agents.contains(tokens[start - 2].lower.as_ref())
            && self.only_places(&tokens[start..end]);
        (if agent_of_place { start - 2 } else { start }, end)
    }

    /// Where the subject ends before the verb at `cue_start`: before auxiliaries ("has so far")
    /// and a relative clause's comma (", which").
    fn before_auxiliaries(&self, tokens: &[Token], cue_start: usize) -> usize {
        let mut end = cue_start;
        let mut relative = false;
        while end > 0 {
            let token = &tokens[end - 1];
            if token.is_word && self.cues.auxiliaries.contains(token.lower.as_ref()) {
                relative |= token.lower == "which" || token.lower == "who";
                end -= 1;
            } else if relative && token.text == "," {
                relative = false;
                end -= 1;
            } else {
                break;
            }
        }
        end
    }

    /// "Frontex, the European Border and Coast Guard Agency, has reported", "Avand Azeez Agha, a
    /// spokesperson for the IOM, told AFP": an appositive between commas ending at `end`, led by
    /// a lower-case word and following a capitalised name, describes the subject before it.
    /// Where the subject ends: before the appositive's first comma, else `end`.
    fn before_appositive(&self, tokens: &[Token], end: usize) -> usize {
        if end == 0 || tokens[end - 1].text != "," {
            return end;
        }
        let back = tokens[..end - 1]
            .iter()
            .rev()
            .take(MAX_APPOSITIVE_WORDS + 1)
            .position(|token| token.text == ",");
        let Some(words) = back.filter(|words| *words >= 2) else {
            return end;
        };
        let inside = &tokens[end - 1 - words..end - 1];
        let comma = end - 2 - words;
        // "Maria Isabel Saravia, Panama's deputy director of migration, told": a possessive
        // name before the lower-case words leads it too.
        let possessive = inside.len() >= 3
            && inside[0].is_word
            && matches!(inside[1].text.as_ref(), "'s" | "’s")
            && inside[2].is_word
            && !inside[2].is_capitalised();
        // "Jenny Dobak, ABS head of migration statistics, said": an acronym before the
        // lower-case words leads it too.
        let acronym = inside.len() >= 2
            && inside[0].is_acronym()
            && inside[1].is_word
            && !inside[1].is_capitalised();
        let led_lower = possessive
            || acronym
            || inside
                .first()
                .is_some_and(|token| token.is_word && !token.is_capitalised());
        let plain = inside.iter().all(|token| {
            (token.is_word && !self.cues.verbs.contains(token.lower.as_ref()))
                || matches!(token.text.as_ref(), "(" | ")" | "-" | "&" | "'s" | "’s")
        });
        let named_before =
            comma > 0 && tokens[comma - 1].is_word && tokens[comma - 1].is_capitalised();
        if led_lower && plain && named_before {
            comma
        } else {
            end
        }
    }

    /// Where the subject ending at `end` starts: back over at most `MAX_PHRASE_WORDS` words
    /// that are no `stops`, hyphens and ampersands, and short brackets ("(IOM)").
    fn subject_start(&self, tokens: &[Token], end: usize) -> usize {
        let mut start = end;
        let mut n_words = 0;
        while start > 0 && n_words < MAX_PHRASE_WORDS {
            let token = &tokens[start - 1];
            if token.text == ")" {
                let open = tokens[..start - 1]
                    .iter()
                    .rev()
                    .take(5)
                    .position(|t| t.text == "(");
                match open {
                    Some(back) => {
                        start -= back + 2;
                        continue;
                    }
                    None => break,
                }
            }
            if token.is_word && !self.cues.stops.contains(token.lower.as_ref()) {
                start -= 1;
                n_words += 1;
                continue;
            }
            if matches!(token.text.as_ref(), "-" | "&") {
                start -= 1;
                continue;
            }
            // A registered name in quotes ("The IOM's \"Missing Migrants Project\" recorded"):
            // the quotes and the name are the subject; an unregistered one in quotes ("groups
            // such as \"United States DIY\" shared") ends it, as any quote does.
            let quote = |token: &Token| matches!(token.text.as_ref(), "\"" | "“" | "”");
            if quote(token) {
                let open = tokens[..start - 1]
                    .iter()
                    .rev()
                    .take(MAX_PHRASE_WORDS)
                    .position(quote)
                    .map(|back| start - 2 - back);
                let registered = open.is_some_and(|open| {
                    let inner: Vec<&str> = tokens[open + 1..start - 1]
                        .iter()
                        .map(|token| token.text.as_ref())
                        .collect();
                    !inner.is_empty() && self.registry.normalize(&inner.join(" ")).is_some()
                });
                if let (Some(open), true) = (open, registered) {
                    start = open;
                    continue;
                }
            }
            break;
        }
        start
    }

    /// "the net entry/exit data", "This data", "data from entrants to Ecuador": a data phrase
    /// that points back to the last dataset the document named.
    pub(super) fn data_anaphor(
        &self,
        context: &Context,
        tokens: &[Token],
        (start, end): (usize, usize),
        kind: CueKind,
    ) -> Option<Attribution> {
        let positions: Vec<usize> = (start..end)
            .filter(|idx| self.cues.data.contains(tokens[*idx].lower.as_ref()))
            .collect();
        let ordered: Vec<usize> = if kind == CueKind::Before {
            positions
        } else {
            positions.into_iter().rev().collect()
        };
        for data_idx in ordered {
            let floor = start.max(data_idx.saturating_sub(4));
            let determiner = (floor..data_idx)
                .rev()
                .find(|idx| self.cues.definite.contains(tokens[*idx].lower.as_ref()));
            let Some(dataset) = last_before(&context.datasets, tokens[data_idx].span.start) else {
                // No dataset named before: "according to the data" after "the Interior
                // Ministry said" is the ministry's data. Only a definite phrase points back, or
                // one whose capitalised modifier names the agency's country ("according to
                // Colombian migration data" after "as reported … by Migración Colombia").
                let (entry, _) = self.last_agency_before(context, tokens[data_idx].span.start)?;
                let whose = (floor..data_idx).find(|idx| {
                    tokens[*idx].is_capitalised() && names_country_of(&tokens[*idx], &entry.name)
                });
                let first = determiner.or(whose)?;
                let span = Span::new(tokens[first].span.start, tokens[data_idx].span.end);
                return Some(points_back(context, entry, span));
            };
            let phrase_start = match determiner {
                Some(det) => det,
                None if self.shares_stem(context, tokens, (start, end), dataset) => start,
                None => continue,
            };
            let phrase_end = if determiner.is_some() {
                data_idx + 1
            } else {
                end
            };
            let span = Span::new(
                tokens[phrase_start].span.start,
                tokens[phrase_end - 1].span.end,
            );
            let entry = self.registry.entry(dataset.entry)?;
            return Some(points_back(context, entry, span));
        }
        None
    }

    /// "according to official Panamanian data", "Mexican government figures show": a data phrase
    /// whose words before the data word say the data are official (an `official` word) and
    /// whose (a capitalised word inside the sentence: "Panamanian") names those words, when the
    /// document has named no agency or dataset before it that the phrase could point back to.
    pub(super) fn official_data(
        &self,
        context: &Context,
        tokens: &[Token],
        (start, end): (usize, usize),
    ) -> Option<Attribution> {
        /// Words between the first official modifier and the data word ("official Panamanian
        /// migration data").
        const MAX_MODIFIERS: usize = 3;
        let data_idx =
            (start..end).find(|idx| self.cues.data.contains(tokens[*idx].lower.as_ref()))?;
        let modifiers = start.max(data_idx.saturating_sub(MAX_MODIFIERS))..data_idx;
        let official = |idx: &usize| self.cues.official.contains(tokens[*idx].lower.as_ref());
        // Whose: a capitalised word inside the sentence ("Panamanian"); "official data" or
        // "government figures" alone say official, not whose.
        // ("according to Government figures": a capitalised official word says official, not
        // whose.)
        let whose = |idx: &usize| {
            *idx > 0
                && tokens[*idx].is_capitalised()
                && !self.cues.definite.contains(tokens[*idx].lower.as_ref())
                && !official(idx)
        };
        let first = modifiers.clone().find(|idx| official(idx) || whose(idx))?;
        if !modifiers.clone().any(|idx| official(&idx))
            || !(first..data_idx).all(|idx| tokens[idx].is_word)
        {
            return None;
        }
        let at = tokens[first].span.start;
        if last_before(&context.datasets, at).is_some()
            || self.last_agency_before(context, at).is_some()
        {
            return None;
        }
        if !modifiers.clone().any(|idx| whose(&idx)) {
            return self.own_government_data(context, tokens, (first, data_idx));
        }
        let span = Span::new(at, tokens[data_idx].span.end);
        let mention = span.slice(context.text).unwrap_or("").to_string();
        // The data word stays: "official data" names what the claim rests on.
        Some(Attribution {
            name: mention.split_whitespace().collect::<Vec<_>>().join(" "),
            mention,
            mention_span: span,
            kind: None,
            via: Via::Attribution,
            citation: None,
        })
    }

    /// "A total of 45,756 people crossed the Channel to the UK …, government figures show": data
    /// a government word calls official without saying whose ("government figures", "official
    /// government figures") are the government's of a country the sentence names, else of the
    /// first place the document names, when the registry knows that government ("Government
    /// of the United Kingdom"); the caller has checked that the document named no agency or
    /// dataset before it. `(first, data_idx)`: the first modifier and the data word.
    fn own_government_data(
        &self,
        context: &Context,
        tokens: &[Token],
        (first, data_idx): (usize, usize),
    ) -> Option<Attribution> {
        if !(first..data_idx).any(|idx| tokens[idx].lower == "government") {
            return None;
        }
        let sentence = Span::new(tokens.first()?.span.start, tokens.last()?.span.end);
        let government = |place: &str| -> Option<&crate::sources::SourceEntry> {
            let lexicon = crate::figures::lexicon();
            let name = lexicon.place_names.get(place).map_or(place, String::as_str);
            ["Government of {}", "Government of the {}", "{} government"]
                .iter()
                .find_map(|form| self.registry.normalize(&form.replace("{}", name)))
                .filter(|entry| entry.kind == SourceKind::Government)
        };
        // A place of the sentence whose government the registry knows, else the first place
        // the document names (the country it is about): a sentence on Lampedusa is Italy's.
        // A document that names no place may name the country by its people: "More than 2.25
        // lakh Indians renounced their citizenship in 2022, government data showed" is India's.
        let own = sentence.slice(context.text).unwrap_or("");
        let peoples = crate::bind::population::Populations::builtin();
        let first_people = |text: &str| {
            peoples
                .named(text)
                .into_iter()
                .map(|(_, key)| key)
                .find(|key| !key.starts_with("non-"))
        };
        let entry = self
            .places_in(own)
            .into_iter()
            .find_map(government)
            .or_else(|| {
                self.places_in(context.text)
                    .first()
                    .and_then(|place| government(place))
            })
            .or_else(|| {
                if !self.places_in(context.text).is_empty() {
                    return None;
                }
                first_people(own)
                    .or_else(|| first_people(context.text))
                    .and_then(|key| government(&key))
            })?;
        let span = Span::new(tokens[first].span.start, tokens[data_idx].span.end);
        Some(points_back(context, entry, span))
    }

    /// The places of `cues.places` named in `text`, in text order (a longer name before a
    /// shorter one at the same place).
    fn places_in<'p>(&'p self, text: &str) -> Vec<&'p str> {
        let mut found: Vec<(usize, std::cmp::Reverse<usize>, &str)> = self
            .cues
            .places
            .iter()
            .flat_map(|place| {
                text.match_indices(place.as_str())
                    .filter(|(at, _)| {
                        let before = text[..*at].chars().next_back();
                        let after = text[at + place.len()..].chars().next();
                        before.is_none_or(|ch| !ch.is_alphanumeric())
                            && after.is_none_or(|ch| !ch.is_alphanumeric())
                    })
                    .map(move |(at, _)| (at, std::cmp::Reverse(place.len()), place.as_str()))
            })
            .collect();
        found.sort();
        found.into_iter().map(|(_, _, place)| place).collect()
    }

    /// "the agency said", "according to the ministry", "the bloc's statistical agency said": a
    /// definite, uncapitalised noun phrase headed by an `agents` word points back to the last
    /// agency, government body or international organisation the document named before it.
    /// The mention is the anaphor's own words; the name is the agency it resolves to.
    pub(super) fn agency_anaphor(
        &self,
        context: &Context,
        tokens: &[Token],
        (start, end): (usize, usize),
    ) -> Option<Attribution> {
        let det =
            (start..end).find(|det| self.cues.definite.contains(tokens[*det].lower.as_ref()))?;
        let head = self.anaphor_head(tokens, det, end)?;
        let head_word = tokens[head].lower.as_ref();
        let publication = self.cues.publications.contains(head_word);
        // Only the phrase's head: "the agency's data" is the data anaphor's.
        if head + 1 < end && tokens[head + 1].is_word {
            return None;
        }
        let before = tokens[det].span.start;
        let span = Span::new(tokens[det].span.start, tokens[head].span.end);
        let mention = span.slice(context.text).unwrap_or("").to_string();
        let named_agency = self.last_agency_before(context, before);
        let agency = named_agency.filter(|(_, named)| {
            !publication || !self.other_publication(context, head_word, *named, before)
        });
        // "the ministry" after "Spain's interior ministry"; "the survey" after "The Pakistan
        // Economic Survey 2025 has revealed", in a document that named no agency before it
        // (one whose report is named is who "the report" speaks for).
        if agency.is_none() && (!publication || named_agency.is_none()) {
            if let Some(found) = named_body_before(context, head_word, span, &mention) {
                return Some(found);
            }
        }
        match agency.map(|(entry, _)| entry) {
            Some(entry) => Some(points_back(context, entry, span)),
            // None named before: a phrase that says which body ("the interior ministry",
            // "the bloc's statistical agency") names it; a bare "the agency" names nothing,
            // and neither does a publication ("the annual report" of whom?).
            None if head > det + 1 && !publication => {
                let words = Span::new(tokens[det + 1].span.start, tokens[head].span.end);
                Some(Attribution {
                    name: surface_name(words.slice(context.text).unwrap_or("")),
                    mention,
                    mention_span: span,
                    kind: None,
                    via: Via::Attribution,
                    citation: None,
                })
            }
            None => None,
        }
    }

    /// The head of the noun phrase after the determiner at `det`: an `agents` or `publications`
    /// word within a few uncapitalised modifiers ("the bloc's statistical agency").
    fn anaphor_head(&self, tokens: &[Token], det: usize, end: usize) -> Option<usize> {
        /// Words between the determiner and the agent noun ("the bloc's statistical agency").
        const MAX_MODIFIERS: usize = 3;
        // "the Warsaw-based agency": a place before "-based" is a modifier, not a name.
        let based = |idx: usize| {
            tokens[idx].lower.ends_with("-based")
                || tokens.get(idx + 1).is_some_and(|dash| dash.text == "-")
                    && tokens
                        .get(idx + 2)
                        .is_some_and(|word| word.lower == "based")
        };
        (det + 1..end.min(det + 2 + MAX_MODIFIERS))
            .take_while(|idx| !tokens[*idx].is_capitalised() || based(*idx))
            .find(|idx| {
                let word = tokens[*idx].lower.as_ref();
                self.cues.agents.contains(word) || self.cues.publications.contains(word)
            })
    }

    /// The last agency, government body or international organisation the document names
    /// before `offset`: what "the agency", "the ministry's data" or "the report" points back to.
    /// Also where it is named.
    fn last_agency_before(&self, context: &Context, offset: usize) -> Option<(&SourceEntry, Span)> {
        context
            .matches
            .iter()
            .take_while(|found| found.span.end <= offset)
            .filter_map(|found| Some((self.registry.entry(found.entry)?, found.span)))
            .filter(|(entry, _)| {
                matches!(
                    entry.kind,
                    SourceKind::StatisticsAgency
                        | SourceKind::Government
                        | SourceKind::InternationalOrganization
                )
            })
            .last()
    }

    /// Whether "the report" may be another body's report: the same noun written between the
    /// agency's name and the anaphor with another author ("a 2004 report from the Richard Nixon
    /// Center. The report noted" is not the UN's report; "ICE ..., according to its annual report.
    /// ... the report said" is ICE's).
    fn other_publication(&self, context: &Context, noun: &str, named: Span, before: usize) -> bool {
        let Some(between) = context.masked.get(named.end..before) else {
            return true;
        };
        let lower = between.to_ascii_lowercase();
        lower.match_indices(noun).any(|(at, _)| {
            let mut after = between[at + noun.len()..].split_whitespace();
            let link = after.next().map(str::to_lowercase);
            let author = match after.next() {
                Some("the" | "The") => after.next(),
                word => word,
            };
            matches!(link.as_deref(), Some("from" | "by" | "of"))
                && author.is_some_and(|word| word.starts_with(char::is_uppercase))
        })
    }

    /// Whether a capitalised word of the phrase starts like a word of the dataset's mention
    /// ("Ecuador" and "Ecuadorian").
    pub(super) fn shares_stem(
        &self,
        context: &Context,
        tokens: &[Token],
        (start, end): (usize, usize),
        dataset: &RegistryMatch,
    ) -> bool {
        let stem = |word: &str| word.to_lowercase().chars().take(5).collect::<String>();
        let mention = dataset.span.slice(context.text).unwrap_or("");
        let named: Vec<String> = mention
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|word| word.chars().count() >= 5 && word.starts_with(char::is_uppercase))
            .map(stem)
            .collect();
        tokens[start..end]
            .iter()
            .filter(|token| token.is_capitalised() && token.text.chars().count() >= 5)
            .any(|token| named.contains(&stem(&token.text)))
    }

    /// A run of capitalised words ("Safeguard Defenders", "Mexican immigration officials").
    pub(super) fn proper_name(
        &self,
        context: &Context,
        tokens: &[Token],
        (start, end): (usize, usize),
        kind: CueKind,
    ) -> Option<Attribution> {
        let ends_with_agent = self.cues.agents.contains(tokens[end - 1].lower.as_ref());
        // "Authorities in Melilla said", "officials in Lampedusa reported": an agent of a
        // place is a source, named with its place.
        let agent_of_place = end - start >= 3
            && self.cues.agents.contains(tokens[start].lower.as_ref())
            && matches!(tokens[start + 1].lower.as_ref(), "in" | "of" | "from")
            && self.only_places(&tokens[start + 2..end])
            && tokens[start + 2..end]
                .iter()
                .any(|token| token.is_capitalised());
        if agent_of_place && kind != CueKind::Before {
            let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
            let mention = span.slice(context.text).unwrap_or("").to_string();
            return Some(Attribution {
                name: surface_name(&mention),
                kind: None,
                mention,
                mention_span: span,
                via: Via::Attribution,
                citation: None,
            });
        }
        // "The General Directorate of Migration deported": a capitalised agent word heads a
        // name that goes on with "of" or "for" and capitalised words.
        let heads_agent = (start..end.saturating_sub(2)).any(|head| {
            tokens[head].is_capitalised()
                && self.cues.agents.contains(tokens[head].lower.as_ref())
                && matches!(tokens[head + 1].lower.as_ref(), "of" | "for")
                && tokens[head + 2..end].iter().all(|token| {
                    token.is_capitalised() || NAME_JOINERS.contains(&token.lower.as_ref())
                })
        });
        if kind == CueKind::Counting && !ends_with_agent && !heads_agent {
            return None;
        }
        // "Authorities also reported", "Officials said": an agent noun alone, capitalised only
        // because it opens the sentence, names nobody.
        if ends_with_agent && end - start == 1 {
            return None;
        }
        let runs = name_runs(context.text, tokens, (start, end), ends_with_agent);
        // "as reported by interviewed migrants to EFE": a name after "to" is who heard the
        // report, not who made it.
        let recipient = |run: &(usize, usize)| run.0 > start && tokens[run.0 - 1].lower == "to";
        let run = if kind == CueKind::Before {
            runs.first().filter(|run| !recipient(run))
        } else {
            runs.last()
        }?;
        let run_end = if ends_with_agent { end } else { run.1 };
        let span = Span::new(tokens[run.0].span.start, tokens[run_end - 1].span.end);
        let mention = span.slice(context.text).unwrap_or("").to_string();
        // "Ireland's Department of Justice" is not the U.S. one.
        let entry = self
            .registry
            .normalize(&mention)
            .filter(|entry| !owned_by_another_country(entry, &mention));
        // An unregistered name is a source only when it reads as one: an agent ("Mexican
        // immigration officials"), or a name that is neither a place nor one bare word.
        // "In a written response, Schreiber said they have sent 19,750 …": one capitalised word
        // right before a speech verb is a speaker's name, unless it is a place.
        let speaker = kind == CueKind::After
            && run.1 == run.0 + 1
            && tokens
                .get(run.1)
                .is_some_and(|next| self.cues.speech.contains(next.lower.as_ref()))
            && !self.only_places(&tokens[run.0..run.1]);
        if entry.is_none()
            && !ends_with_agent
            && !speaker
            && !self.names_a_source(context, &tokens[run.0..run.1])
        {
            return None;
        }
        Some(Attribution {
            name: entry.map_or_else(|| surface_name(&mention), |entry| entry.name.clone()),
            kind: entry.map(|entry| entry.kind),
            mention,
            mention_span: span,
            via: Via::Attribution,
            citation: None,
        })
    }

    /// Whether a run of capitalised words not in the registry can name a source: not a place
    /// or a list of places ("Ecuador", "China and Venezuela", "the U.S."), and not one bare
    /// word ("France", "Smith") unless it is an acronym ("ACLED") or the surname of an entry
    /// of the document's reference list.
    pub(super) fn names_a_source(&self, context: &Context, run: &[Token]) -> bool {
        if self.only_places(run) {
            return false;
        }
        let mut names = run.iter().filter(|token| token.is_capitalised());
        let (Some(first), None) = (names.next(), names.next()) else {
            return true;
        };
        first.is_acronym()
            || context
                .references
                .iter()
                .any(|reference| reference.surname() == first.text)
            || named_in_full_before(context.text, first)
    }

    /// Every capitalised word of `run` belongs to a gazetteer place (joiners aside).
    fn only_places(&self, run: &[Token]) -> bool {
        const LONGEST_PLACE_WORDS: usize = 4;
        let mut idx = 0;
        while idx < run.len() {
            if !run[idx].is_capitalised() {
                idx += 1;
                continue;
            }
            let longest = (1..=LONGEST_PLACE_WORDS.min(run.len() - idx))
                .rev()
                .find(|n_words| {
                    let name: Vec<&str> = run[idx..idx + n_words]
                        .iter()
                        .map(|token| token.text.as_ref())
                        .collect();
                    self.cues.places.contains(&name.join(" "))
                });
            match longest {
                Some(n_words) => idx += n_words,
                None => return false,
            }
        }
        true
    }

    /// "FBI crime statistics for that period showed": a registry source followed by a data
    /// word, a few words before the verb, when the subject is too long for the phrase reader.
    pub(super) fn fallback_window(
        &self,
        context: &Context,
        tokens: &[Token],
        cue_start: usize,
    ) -> Option<(u8, Attribution)> {
        let floor = (0..cue_start)
            .rev()
            .take(FALLBACK_WINDOW)
            .take_while(|idx| !matches!(tokens[*idx].text.as_ref(), ";" | ":" | "." | "!" | "?"))
            .last()?;
        let window = Span::new(tokens[floor].span.start, tokens[cue_start].span.start);
        let found = context
            .matches
            .iter()
            .filter(|m| window.contains(m.span))
            .rfind(|m| {
                let after = tokens
                    .iter()
                    .skip_while(|t| t.span.start < m.span.end)
                    .take_while(|t| t.span.start < window.end)
                    .take(2);
                let last_word = m
                    .span
                    .slice(context.text)
                    .and_then(|s| s.split_whitespace().last());
                last_word.is_some_and(|word| self.is_data_word(word))
                    || after
                        .into_iter()
                        .any(|t| self.cues.data.contains(t.lower.as_ref()))
            })?;
        self.registry_attribution(context.text, found.entry, found.span)
            .map(|attribution| (3, attribution))
    }
}

/// A body named before `span` without a registry entry, with the same head noun as the
/// anaphor's (`head_word`): "data released by Spain's interior ministry showed … the ministry
/// said". The attribution names that body, with the anaphor as its mention.
fn named_body_before(
    context: &Context,
    head_word: &str,
    span: Span,
    mention: &str,
) -> Option<Attribution> {
    context
        .named_bodies
        .borrow()
        .iter()
        .rev()
        .find(|named| {
            named.mention_span.end <= span.start
                && named
                    .name
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|word| {
                        word.trim_matches(|ch: char| !ch.is_alphanumeric())
                            .eq_ignore_ascii_case(head_word)
                    })
        })
        .map(|named| Attribution {
            name: named.name.clone(),
            mention: mention.to_string(),
            mention_span: span,
            kind: None,
            via: Via::Attribution,
            citation: None,
        })
}

/// "Honduras's central bank, for its part, said": a short aside of lower-case words between
/// commas, ending at `end`, stands between the subject and its verb. Where the subject ends:
/// before the aside's first comma, else `end`.
fn before_aside(tokens: &[Token], end: usize) -> usize {
    if end == 0 || tokens[end - 1].text != "," {
        return end;
    }
    let aside = tokens[..end - 1]
        .iter()
        .rev()
        .take(MAX_ASIDE_WORDS + 1)
        .position(|token| token.text == ",");
    let Some(words) = aside.filter(|words| (1..=MAX_ASIDE_WORDS).contains(words)) else {
        return end;
    };
    let inside = &tokens[end - 1 - words..end - 1];
    if inside
        .iter()
        .all(|token| token.is_word && !token.is_capitalised())
    {
        end - (words + 2)
    } else {
        end
    }
}

/// Words that join the capitalised words of one name ("Bank of Mexico", "Food and Agriculture
/// Organization", "Banco de México", "Bangko Sentral ng Pilipinas", "Istituto di Statistica").
const NAME_JOINERS: &[&str] = &[
    "of", "for", "and", "the", "&", "de", "del", "y", "on", "'s", "ng", "di", "da", "do", "dos",
    "das", "des", "du", "der", "van", "von",
];

/// Capitalised words that start no name: pronouns, prepositions, conjunctions, what a source
/// publishes ("Statistics show", "Data from") and months.
const NOT_NAMES: &[&str] = &[
    "this",
    "these",
    "that",
    "those",
    "the",
    "it",
    "they",
    "we",
    "i",
    "in",
    "on",
    "at",
    "for",
    "a",
    "an",
    "according",
    "since",
    "as",
    "while",
    "but",
    "and",
    "statistics",
    "data",
    "reports",
    "report",
    "studies",
    "study",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Runs of capitalised words, joined by "of", "for", "and", "the", "&", that can name a source.
/// `agent_follows`: the phrase ends in an agent noun, so a capitalised first word of the
/// sentence is a modifier of it ("Peruvian border police"), not just a capital letter.
fn name_runs(
    text: &str,
    tokens: &[Token],
    (start, end): (usize, usize),
    agent_follows: bool,
) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut idx = start;
    while idx < end {
        let token = &tokens[idx];
        let nameable = token.is_capitalised() && !NOT_NAMES.contains(&token.lower.as_ref());
        if !nameable {
            idx += 1;
            continue;
        }
        let run = (idx, run_end(tokens, idx, end));
        // A lone capitalised first word of the sentence is not a name ("Statistics show"),
        // unless it is a surname the document wrote in full before.
        let lone_first = run == (0, 1)
            && !token.is_acronym()
            && !agent_follows
            && !named_in_full_before(text, token);
        if !lone_first && !is_bracketed_acronym(tokens, run, runs.last()) {
            runs.push(run);
        }
        idx = run.1.max(idx + 1);
    }
    runs
}

/// Where the name starting at the capitalised token `start` ends (before `end`): after its
/// last capitalised word, joiners between them included, trailing joiners left out.
fn run_end(tokens: &[Token], start: usize, end: usize) -> usize {
    let mut run_end = start + 1;
    let mut probe = run_end;
    while probe < end {
        let next = &tokens[probe];
        if next.is_capitalised() {
            probe += 1;
            run_end = probe;
        } else if NAME_JOINERS.contains(&next.lower.as_ref()) {
            probe += 1;
        } else {
            break;
        }
    }
    run_end
}

/// "the Central Statistics Office (CSO)", "the Mexican Commission for Refugee Assistance
/// (Comar)": an acronym or short name in brackets right after a name (the `previous` run) is
/// that name's, not a name of its own.
fn is_bracketed_acronym(
    tokens: &[Token],
    (run_start, run_end): (usize, usize),
    previous: Option<&(usize, usize)>,
) -> bool {
    run_end == run_start + 1
        && is_short_name(&tokens[run_start])
        && run_start >= 1
        && tokens[run_start - 1].text == "("
        && tokens.get(run_end).is_some_and(|next| next.text == ")")
        && previous.is_some_and(|&(_, previous_end)| previous_end + 1 == run_start)
}

/// A surname on second reference: the document wrote the word earlier as the last of a full
/// name ("President Jose Raul Mulino said …", then "Mulino said …").
fn named_in_full_before(text: &str, word: &Token) -> bool {
    let before = text.get(..word.span.start).unwrap_or("");
    before.match_indices(word.text.as_ref()).any(|(at, found)| {
        let after = before[at + found.len()..].chars().next();
        let ends_word = after.is_none_or(|ch| !ch.is_alphanumeric());
        let mut words = before[..at].strip_suffix(' ').into_iter().flat_map(|rest| {
            rest.split(|ch: char| !ch.is_alphanumeric() && ch != '.')
                .rev()
        });
        let capitalised = |name: &str| name.chars().next().is_some_and(char::is_uppercase);
        // "External Affairs Minister S Jaishankar": an initial, after a capitalised word.
        let previous = words.next();
        let initial = previous.is_some_and(|name| {
            name.trim_end_matches('.').chars().count() == 1 && capitalised(name)
        });
        ends_word
            && previous.is_some_and(|name| {
                name.len() > 1 && capitalised(name)
                    || initial
                        && words
                            .next()
                            .is_some_and(|name| name.len() > 1 && capitalised(name))
            })
    })
}

/// An anaphor's attribution: the words as written (`span`), the source they point back to.
fn points_back(context: &Context, entry: &SourceEntry, span: Span) -> Attribution {
    Attribution {
        name: entry.name.clone(),
        mention: span.slice(context.text).unwrap_or("").to_string(),
        mention_span: span,
        kind: Some(entry.kind),
        via: Via::Attribution,
        citation: None,
    }
}

impl Attributor<'_> {
    /// "The Swiss State Secretariat for Migration (SEM) … ¶ The SEM dealt with 26,667": an
    /// acronym the document defined in brackets after a body's name, earlier in its text, names
    /// that body. The body is a registry entry, else a name run holding an `agents` word
    /// ("International Protection Office"). The mention is the acronym as written.
    pub(super) fn defined_acronym(&self, context: &Context, token: &Token) -> Option<Attribution> {
        if !is_short_name(token) {
            return None;
        }
        let before = context.masked.get(..token.span.start)?;
        let bracketed = format!("({})", token.text);
        let at = before.rfind(&bracketed)?;
        let name = defined_name(before[..at].trim_end())?;
        let entry = self.registry.normalize(name);
        let is_body = entry.is_some()
            || name.split_whitespace().any(|word| {
                self.cues.agents.contains(
                    word.to_lowercase()
                        .trim_matches(|ch: char| !ch.is_alphanumeric()),
                )
            });
        if !is_body {
            return None;
        }
        Some(Attribution {
            name: entry.map_or_else(|| surface_name(name), |entry| entry.name.clone()),
            kind: entry.map(|entry| entry.kind),
            mention: token.text.to_string(),
            mention_span: token.span,
            via: Via::Attribution,
            citation: None,
        })
    }
}

/// Whether a capitalised modifier ("Colombian") names the country a body's name ends in or
/// holds ("Migración Colombia"): the modifier starts with a word of the name of six letters or
/// more.
fn names_country_of(modifier: &Token, name: &str) -> bool {
    const STEM: usize = 6;
    let modifier = modifier.lower.as_ref();
    name.split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| word.chars().count() >= STEM)
        .any(|word| modifier.starts_with(&word.to_lowercase()))
}

/// An acronym ("CSO") or a short name written like a word ("Comar", "Frontex"): one capitalised
/// word of three letters or more, or two capitals or more.
fn is_short_name(token: &Token) -> bool {
    token.is_acronym()
        || (token.is_word
            && token.is_capitalised()
            && token.text.chars().filter(|ch| ch.is_alphabetic()).count() >= 3
            && token.text.chars().all(char::is_alphabetic))
}

/// The capitalised name that ends `text` (a run of capitalised words and [`NAME_JOINERS`] within
/// its sentence, without a leading article or joiner), of two words or more: "International
/// Protection Office" in "released by the International Protection Office".
fn defined_name(text: &str) -> Option<&str> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut first = words.len();
    while first > 0 {
        let word = words[first - 1];
        let ends_sentence = word.ends_with(['.', '!', '?', ':', ';']) && first < words.len();
        if ends_sentence || !(word.starts_with(char::is_uppercase) || NAME_JOINERS.contains(&word))
        {
            break;
        }
        first -= 1;
    }
    while words
        .get(first)
        .is_some_and(|word| word.eq_ignore_ascii_case("the") || NAME_JOINERS.contains(word))
    {
        first += 1;
    }
    if words.len().saturating_sub(first) < 2 {
        return None;
    }
    let offset = words[first].as_ptr() as usize - text.as_ptr() as usize;
    Some(text[offset..].trim_end_matches(|ch: char| !ch.is_alphanumeric()))
}

/// Whether a name that opens on a possessive ("Ireland's Department of Justice") names another
/// country's body than the U.S. one `entry` is: the entry is a U.S. body, the name does not say
/// "U.S." after its owner, and the owner is no U.S. one ("America's", "the U.S.'s").
pub(super) fn owned_by_another_country(entry: &SourceEntry, name: &str) -> bool {
    let Some((owner, rest)) = name.split_once("'s ").or_else(|| name.split_once("’s ")) else {
        return false;
    };
    let owner = owner.trim();
    let says_us = ["U.S.", "US ", "United States", "American"]
        .iter()
        .any(|marker| rest.contains(marker));
    entry.name.starts_with("U.S. ")
        && !says_us
        && !owner.contains(' ')
        && owner.starts_with(char::is_uppercase)
        && !matches!(
            owner,
            "America" | "U.S." | "US" | "Washington" | "Trump" | "Biden"
        )
}
