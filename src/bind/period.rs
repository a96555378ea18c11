//! Period phrases in a sentence: "so far this fiscal year", "FY23", "in the first five months of
//! fiscal year 2023", "since October", "in April alone", "last year", "October through
//! February", "from 2010 to 2020", each resolved to a span of months (relative ones against the
//! document's publication date) with its byte span in the sentence.
//!
//! Patterns run most specific first; a later pattern never takes bytes an earlier one took.

use regex::{Captures, Regex};
use std::sync::OnceLock;

use super::{BindRules, Granularity, Month, Period};
use crate::span::Span;

/// A period phrase found in a sentence (span relative to the sentence text).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub span: Span,
    pub period: Period,
    /// A month named without a year or cue ("the last September high"): its year is the
    /// publication's unless its clause names one.
    pub bare_month: bool,
    /// The base a change is measured against ("an increase over the same period last year",
    /// "more than in 2016"): never the period of the figure itself.
    pub base: bool,
    /// What a record is measured against ("the highest since 2016"): a base, but of no change.
    pub record: bool,
    /// The base level of a change the phrase dates ("up 16% from 232,963 in August"): a base for
    /// every other figure, that level's own period.
    pub level: Option<Span>,
    /// Followed by a possessive ("last year's annual total of 29,437", "2022's record of
    /// 45,744"): the period of the figure the phrase owns.
    pub possessive: bool,
}

/// What a pattern needs to resolve its phrase.
struct Ctx {
    /// The publication month, for relative phrases.
    anchor: Option<Month>,
    /// The sentence counts in fiscal years ("fiscal", "FY" anywhere in it).
    fiscal_sentence: bool,
    /// The sentence forecasts ("could reach", "is expected to"): its years are whole.
    projection: bool,
    /// The sentence counts up to now with a perfect tense ("have been intercepted this year").
    to_date: bool,
    /// The month a year written across two ("2022-23") starts in, when the document says.
    split_year_start: Option<u32>,
    /// The month a single fiscal year starts in for the document ([`BindRules::fiscal_start`]).
    fiscal_start: u32,
}

type Build = fn(&Captures, &Ctx) -> Option<Period>;

/// What a pattern reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A phrase with its own cue words.
    Phrase,
    /// Only a written year (or years): the figure annotator decides whether such a number is a
    /// year or a count ("2000 migrants"), so a number it calls a count is no period.
    Year,
    /// A month name alone, without year or cue.
    Month,
    /// A day of the week or "yesterday": the figure's when it dates the event, not when it
    /// dates the report ("officials said Monday").
    Recent,
    /// A year written across two ("2016/17"): when the year it starts in is unknown it names
    /// no period, and no part of it is a calendar year either.
    SplitYear,
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const DAY: &str = r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?";
/// A day written before its month: "1 January", "the 1st of January", "15th".
const DAY_FIRST: &str = r"(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?";
const NUMBER_WORD: &str =
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
const FISCAL: &str = r"(?:fiscal\s+years?|fiscal|fy)";
/// A Spanish month name ("junio", "setiembre").
const MES: &str = r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre)";
/// A Spanish day written before its month: "el 1 de", "1 de".
const DIA: &str = r"(?:(?:el\s+)?\d{1,2}\s+de\s+)?";
/// A Spanish count of months or years, in digits or words ("doce", "12").
const NUMERO: &str = r"(?:\d{1,2}|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)";

fn patterns() -> &'static [(Regex, Build, Kind)] {
    static PATTERNS: OnceLock<Vec<(Regex, Build, Kind)>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let specs: Vec<(String, Build, Kind)> = vec![
            // "Since fighting broke out in mid-April last year", "since the regime's downfall
            // last month": an event dated relative to the publication starts the period to date.
            (
                format!(r"(?i)\bsince\s+(?:(?:[a-z’']+\s+){{0,6}}?in\s+(?:(early|mid|late)[\s-]+)?({MONTH})\s+(?:of\s+)?(last|this)\s+year|(?:[a-z’']+\s+){{1,6}}?(last|this)\s+(month|year))\b"),
                since_relative,
                Kind::Phrase,
            ),
            // "in July last year", "in March of this year", "in January next year": that month
            // of the year before, of or after the publication's; not the end of a span of months
            // ("from June to August this year", read below).
            (
                format!(r"(?i)(?:\b(to|and|through|thru|until|till)\s+(?:the\s+end\s+of\s+)?{DAY_FIRST}|[-–]\s*)?\b({MONTH})(?:\s+of)?\s+(last|this|next|the\s+(?:previous|prior|preceding))\s+year\b"),
                month_of_relative_year,
                Kind::Phrase,
            ),
            // Spanish. "de enero a junio de 2019", "entre enero y marzo", "del 1 de enero al
            // 30 de junio de este año": a span of months (`month_range` reads "entre" as
            // "between" and "y" as "and").
            (
                format!(r"(?i)\b(?:(entre|desde|de|del)\s+)?{DIA}({MES})(?:\s+(?:de|del)\s+(\d{{4}}))?\s+(a|al|hasta|y)\s+{DIA}({MES})(?:\s+(?:de|del)\s+(?:(\d{{4}})|(?:este|el\s+presente)\s+año))?\b"),
                month_range,
                Kind::Phrase,
            ),
            // "el primer semestre de 2025", "el segundo trimestre del año", "el último
            // trimestre": a half, quarter or third of that year (of the publication's, else).
            (
                r"(?i)\b(?:(?:el|del|al|en\s+el|durante\s+el)\s+)?(primer|primero|segundo|tercer|tercero|cuarto|último|ultimo)\s+(semestre|trimestre|cuatrimestre)(?:\s+(?:de|del)\s+(?:(?:año\s+)?((?:19|20)\d\d)|(?:este|el\s+presente)\s+año|año))?\b".to_string(),
                parte_del_año,
                Kind::Phrase,
            ),
            // "a igual mes de 2018", "respecto al mismo período de 2024": the sentence's period
            // moved to that year, like "the same period of 2023".
            (
                r"(?i)\b(?P<phrase>(?:(?:el|al|a|del|en\s+el)\s+)?(?:igual|mismo|misma)\s+(?:mes|periodo|período|lapso|trimestre|semestre|fecha)\s+(?:de|del)(?:\s+año)?)\s+((?:19|20)\d\d)\b".to_string(),
                same_period_of_year,
                Kind::Phrase,
            ),
            // "hasta junio de 2025", "hasta el final de marzo": the year's months to that one.
            (
                format!(r"(?i)\bhasta\s+(?:el\s+)?(?:(?:fin|final|cierre)\s+de\s+)?({MES})(?:\s+(?:de|del)\s+(\d{{4}}))?\b"),
                through_month,
                Kind::Phrase,
            ),
            // "desde marzo de 2016", "desde el 1 de enero", "desde 2021": since then.
            (
                format!(r"(?i)\bdesde\s+(?:{DIA}({MES})(?:\s+(?:de|del)\s+(\d{{4}}))?|(\d{{4}}))\b"),
                since,
                Kind::Phrase,
            ),
            // "junio de 2019", "en junio de este año", "el mes de mayo de 2024": one month.
            (
                format!(r"(?i)\b(?:(?:en|durante|para)\s+)?(?:el\s+mes\s+de\s+)?({MES})\s+(?:de|del)\s+(?:(\d{{4}})|(?:este|el\s+presente|este\s+mismo)\s+año)\b"),
                mes,
                Kind::Phrase,
            ),
            // "en junio", "durante mayo", "junio pasado": the latest such month (before the
            // publication's own for "pasado").
            (
                format!(r"(?i)\b(?:(en|durante)\s+(?:el\s+mes\s+de\s+)?)?({MES})(\s+pasado)?\b"),
                mes_sin_año,
                Kind::Phrase,
            ),
            // "en lo que va del año", "en lo que va de 2025", "este año": the year so far.
            (
                r"(?i)\b(?:(?:en\s+)?lo\s+que\s+va\s+(?:del\s+año|de\s+este\s+año|de\s+((?:19|20)\d\d))|(?:este|el\s+presente|el\s+actual)\s+año)\b".to_string(),
                año_en_curso,
                Kind::Phrase,
            ),
            // "el año pasado", "el mes pasado": the year or month before the publication's.
            (
                r"(?i)\b(?:el|al|del|durante\s+el|en\s+el)\s+año\s+pasado\b".to_string(),
                last_year,
                Kind::Phrase,
            ),
            (
                r"(?i)\b(?:el|al|del|durante\s+el|en\s+el)\s+mes\s+pasado\b".to_string(),
                last_month,
                Kind::Phrase,
            ),
            // "el año anterior", "con relación al mes previo": the period before the one the
            // sentence names (`previous_of_the_sentence`), like "the previous year".
            (
                r"(?i)\b(?:el|al|del)\s+(año|mes)\s+(?:anterior|previo|precedente)\b".to_string(),
                a_year_or_month_before,
                Kind::Phrase,
            ),
            // "los últimos doce meses", "en los últimos 5 años".
            (
                format!(r"(?i)\b(?:los\s+)?(?:últimos|ultimos)\s+({NUMERO})\s+(meses|años)\b"),
                past_n,
                Kind::Phrase,
            ),
            // "este martes", "el lunes", "ayer", "esta semana", "la semana pasada": days of the
            // publication's month.
            (
                r"(?i)\b(?:(?:este|el|ese)\s+(?:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)|ayer|(?:esta|la)\s+semana(?:\s+pasada)?)\b".to_string(),
                this_month,
                Kind::Recent,
            ),
            // A Spanish month name alone, as Spanish writes it, in lower case ("junio"; "County
            // Mayo" is a place).
            (format!(r"\b({MES})\b"), bare_month, Kind::Month),
            // "between the beginning of 2023 and July 31", "from the start of the year to
            // March": the months from January to that month.
            (
                format!(r"(?i)\b(?:between|from)\s+the\s+(?:beginning|start)\s+of\s+(?:the\s+year|this\s+year|((?:19|20)\d\d))\s+(?:and|to|until|through|till)\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({MONTH}){DAY}(?:,?\s+((?:19|20)\d\d))?\b"),
                from_year_start,
                Kind::Phrase,
            ),
            // "the first five (and one-half) months of fiscal year 2023", "the first seven months of FY23".
            // "the year's first three months", "the first month of the year", "the first 15 days of
            // this month", "the first 31 days of 2024".
            (
                format!(r"(?i)\b(?:the\s+)?(?:(?:fiscal\s+)?year['’]?s\s+)?first\s+(?:({NUMBER_WORD}|\d{{1,3}})(?:[- ]and[- ]one[- ]half|[- ]and[- ]a[- ]half)?\s+)?(months?|weeks?|days?)(?:\s+of\s+(?:the\s+)?(?:(?:current|this)\s+)?(?:({FISCAL}|calendar\s+year|year)(?:\s*'?(\d{{4}}|\d{{2}})(?:[/-](\d{{2}}))?)?|((?:19|20)\d\d)|({MONTH})(?:\s+((?:19|20)\d\d))?|(month)))?\b"),
                first_months,
                Kind::Phrase,
            ),
            // "Over eleven months, the number … intercepted stood at 69,963" (written in
            // December): as many months as the publication's year has had, or had before its
            // month, are the year's first months (`months_of_the_year`).
            (
                format!(r"(?i)\b(?:over|in|during|within)\s+(?:the\s+)?({NUMBER_WORD})\s+months\b"),
                months_of_the_year,
                Kind::Phrase,
            ),
            // "the third quarter of 2025", "the year's first quarter", "Q3 2025", "2024 Q4",
            // "the first quarter of fiscal year 2024".
            (
                format!(r"(?i)\b(?:the\s+)?(?:((?:fiscal\s+)?year)['’]?s\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?:the\s+)?(?:({FISCAL}|calendar\s+year|year)\s*)?'?((?:19|20)\d\d)?)?\b"),
                quarter,
                Kind::Phrase,
            ),
            // "the first half of this year", "the second half of 2022", "the fiscal year's first
            // half", "the first semester of this year" (Latin American English).
            (
                format!(r"(?i)\b(?:the\s+)?(?:((?:fiscal\s+)?year)['’]?s\s+)?(first|second|1st|2nd)\s+(?:half|semester)(?:\s+of\s+(?:the\s+)?(?:(?:current|this)\s+)?(?:({FISCAL}|calendar\s+year|year)\s*)?'?((?:19|20)\d\d)?)?\b"),
                half,
                Kind::Phrase,
            ),
            (
                r"\b(?:Q([1-4])\s*(?:of\s+)?(?:(FY)\s*)?'?((?:19|20)\d\d)|((?:19|20)\d\d)\s*[-/ ]?Q([1-4]))\b".to_string(),
                quarter_code,
                Kind::Phrase,
            ),
            // "FY2024-25", "fiscal year 2023/24", "FY24-25": a fiscal year written across two.
            (
                format!(r"(?i)\b{FISCAL}\s*'?((?:19|20)\d\d|\d\d)\s*[-–/]\s*((?:19|20)\d\d|\d\d)\b"),
                fiscal_split_year,
                Kind::Phrase,
            ),
            // "the academic year 2023-24", "the 2024–25 academic year", "the 2023/24 school
            // year": a school year, September to August, whatever the country's financial year.
            (
                r"(?i)\b(?:the\s+)?(?:academic|school)\s+year\s+((?:19|20)\d\d)\s*[-–/]\s*(\d\d(?:\d\d)?)\b".to_string(),
                academic_year,
                Kind::SplitYear,
            ),
            (
                r"(?i)\b(?:the\s+)?((?:19|20)\d\d)\s*[-–/]\s*(\d\d(?:\d\d)?)\s+(?:academic|school)\s+year\b".to_string(),
                academic_year,
                Kind::SplitYear,
            ),
            // "the 2024-2025 financial year": two years written in full before "financial year"
            // are one year written across two.
            (
                r"(?i)\b(?:the\s+)?((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)\s+(financial|fiscal|budget)\s+year\b".to_string(),
                split_year,
                Kind::SplitYear,
            ),
            // "the 2022-23 financial year", "in 2023-24", "2023/24": a year written across two,
            // the twelve months from the month the document's country starts its year in.
            (
                r"(?i)\b(?:the\s+)?((?:19|20)\d\d)[-–/](\d\d)(?:\s+(financial|fiscal|budget)\s+year)?\b".to_string(),
                split_year,
                Kind::SplitYear,
            ),
            // "the current financial year", "last financial year": the financial year of the
            // document's country (a `split_year` rule) that the publication date falls in, or
            // the one before or after it.
            (
                r"(?i)\b(?:the\s+)?(current|this|last|previous|next)\s+financial\s+year\b".to_string(),
                relative_financial_year,
                Kind::Phrase,
            ),
            // "the 2024 fiscal year (that ended Sept. 30)".
            (
                format!(r"(?i)\b(?:the\s+)?((?:19|20)\d\d)\s+(?:fiscal|budget)\s+year(?:\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+(?:on\s+|in\s+)?{MONTH}{DAY},?(?:\s+(?:19|20)\d\d)?)?\b"),
                fiscal_year,
                Kind::Phrase,
            ),
            // "the three months to June 30", "the six months to 31 March 2024", "the nine
            // months ending in September": a span of months counted back from its end.
            (
                format!(r"(?i)\b(?:the\s+)?((?:{NUMBER_WORD}|[1-9]|1[01]))\s+months\s+(?:that\s+|which\s+)?(?:ended|ending|ends|up\s+to|to)\s+(?:on\s+|in\s+)?(?:the\s+end\s+of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({MONTH}){DAY},?(?:\s+((?:19|20)\d\d))?\b"),
                months_ending,
                Kind::Phrase,
            ),
            // "the March quarter", "the June quarter last year", "the December quarter of 2023"
            // (Australian and New Zealand usage): the three months ending with that month.
            (
                format!(r"(?i)\b(?:the\s+)?({MONTH})\s+quarter(?:\s+(?:of\s+)?((?:19|20)\d\d)|\s+(last|this)\s+year)?\b"),
                month_quarter,
                Kind::Phrase,
            ),
            // "the budget year that ended Sept. 30", "the fiscal year ending September 2023",
            // "the year ending March 2025", "the 12 months to June", "the year to 30 June 2023",
            // "the year up to June 2024".
            (
                format!(r"(?i)\b(?:the\s+)?(?:government['’]?s\s+|federal\s+)?((?:budget|fiscal|financial)\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:that\s+|which\s+)?(?:ended|ending|ends|up\s+to|to)\s+(?:on\s+|in\s+)?(?:the\s+end\s+of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({MONTH}){DAY},?(?:\s+((?:19|20)\d\d))?\b"),
                year_ending,
                Kind::Phrase,
            ),
            // "the year between April 2022 and April 2023", "the 12 months from July 2022 to
            // June 2023": a year written by its two ends is the twelve months to the later one.
            (
                format!(r"(?i)\b(?:the\s+)?(?:year|12\s+months|twelve\s+months|12-month\s+period)\s+(?:between|from)\s+({MONTH}),?\s+((?:19|20)\d\d),?\s+(?:and|to|until|through|-|–)\s+({MONTH}),?\s+((?:19|20)\d\d)\b"),
                year_between,
                Kind::Phrase,
            ),
            // "in the October 2023 year": the twelve months ending with that month (New Zealand
            // and Australian usage; not "year-on-year").
            (
                format!(r"(?i)\b(?P<phrase>(?:the\s+)?({MONTH})\s+((?:19|20)\d\d)\s+year)\b(?:[^-‐]|$)"),
                month_year,
                Kind::Phrase,
            ),
            // "the October years 2002–2014": the years ending in October, 2002 to 2014.
            (
                format!(r"(?i)\b(?:the\s+)?({MONTH})\s+years\s+((?:19|20)\d\d)\s*(?:-|–|to)\s*((?:19|20)\d\d)\b"),
                month_years,
                Kind::Phrase,
            ),
            // "That year, a total of 133,000 migrants passed": the year named before (resolved
            // by `resolve_that_year`).
            (
                r"(?i)\b(?:that|the\s+same)\s+year\b".to_string(),
                that_year,
                Kind::Phrase,
            ),
            // "nearly 500 people crossed on Saturday. ¶ 492 migrants crossed in nine boats that
            // day": the month of the day named before (resolved by `resolve_that_day`).
            (
                r"(?i)\b(?:that|the\s+same)\s+day\b".to_string(),
                that_day,
                Kind::Phrase,
            ),
            // "Conestoga College saw 25 asylum claims … in 2018. Five years later, the number
            // surged to 665": the year named before, so many years on (`resolve_that_year`).
            (
                format!(r"(?i)\b(?:a|{NUMBER_WORD})\s+years?\s+later\b"),
                that_year,
                Kind::Phrase,
            ),
            // "in the last year", "the past year": the twelve months to the publication date.
            (
                r"(?i)\bthe\s+(?:past|last)\s+(year|month|twelve\s+months)\b".to_string(),
                the_past_year,
                Kind::Phrase,
            ),
            // "the same period of 2023", "the same months in 2022", "at this stage in 2022": the
            // sentence's period, moved to that year (see `same_period_of_the_sentence`). Only "the same period of" is the
            // phrase: the year stays free for what else it dates ("2023, a year that ended with
            // a record of 140,982").
            (
                r"(?i)\b(?P<phrase>(?:the\s+)?same\s+(?:time\s+period|time\s*frame|period|time|months?|point|stage|date|quarter)\s+(?:of|in)|(?:at\s+|by\s+)?this\s+(?:stage|point|time)\s+(?:of|in))\s+((?:19|20)\d\d)\b".to_string(),
                same_period_of_year,
                Kind::Phrase,
            ),
            // "the same period last fiscal year", "this time last year", "on this point last year",
            // "at the same point a year earlier", "the same period under predecessor Joe Biden
            // last year".
            (
                r"(?i)\b(?:(?:the\s+)?same\s+(?:time\s+period|time\s*frame|period|time|months?|point|stage|date|quarter)\s+(?:of\s+|in\s+)?(?:under\s+(?:\p{L}+\s+){1,3})?|(?:by\s+|at\s+|on\s+)?this\s+(?:time|point|stage)\s+)(?:last|the\s+previous|the\s+prior|a)\s+(fiscal\s+)?year\b".to_string(),
                same_period_last_year,
                Kind::Phrase,
            ),
            // "when 21,344 crossings were recorded in the same period": the span the passage is
            // about, in the year the sentence names before it (`same_span_in_named_year`).
            (
                r"(?i)\b(?:in|during|over)\s+the\s+same\s+(?:period|time\s*frame|months?|weeks?)\b".to_string(),
                same_span_placeholder,
                Kind::Phrase,
            ),
            // "the fiscal year, which began in October": the current one, described by its start.
            (
                format!(r"(?i)\bthe\s+(fiscal\s+)?year,?\s+(?:which|that)\s+(?:began|started|begins|starts)\s+(?:in\s+|on\s+)?(?:{MONTH}){DAY}\b"),
                this_year,
                Kind::Phrase,
            ),
            // "since the beginning of the year", "since the start of this fiscal year": the year
            // so far.
            (
                r"(?i)\bsince\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+(fiscal\s+)?year\b".to_string(),
                this_year,
                Kind::Phrase,
            ),
            // "at the start of the year", "at the beginning of 2023": its first month.
            (
                r"(?i)\b(?:at|by)\s+the\s+(?:beginning|start)\s+of\s+(?:the\s+year|this\s+year|((?:19|20)\d\d))\b".to_string(),
                year_start,
                Kind::Phrase,
            ),
            // "so far this fiscal year", "this fiscal year to date", "the current fiscal year",
            // "the current calendar year".
            (
                r"(?i)\b(?:(?:so|thus)\s+far\s+(?:in\s+|during\s+)?)?(?:this|the\s+current)\s+(?:calendar\s+)?(fiscal\s+)?year(?:\s+(?:so\s+far|to\s+date|thus\s+far))?\b".to_string(),
                this_year,
                Kind::Phrase,
            ),
            // "the provisional total for the year so far".
            (
                r"(?i)\bthe\s+(fiscal\s+)?year\s+(?:so|thus)\s+far\b".to_string(),
                this_year,
                Kind::Phrase,
            ),
            (
                r"(?i)\b(fiscal[- ])?year[- ]to[- ]date\b".to_string(),
                year_to_date,
                Kind::Phrase,
            ),
            // "FYTD", "FY-to-date", "YTD": the abbreviations of the same.
            (
                r"(?i)\b(?:(fy)(?:[- ]?to[- ]date|y?td)|ytd)\b".to_string(),
                year_to_date,
                Kind::Phrase,
            ),
            // "the 1,330 who made the crossing in January a year earlier": that month of the year
            // before the latest such month.
            (
                r"\b(?:(?i:in|during|for)\s+)?((?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?|May)\s+(?i:a|one)\s+year\s+(?i:earlier|before|ago|prior)\b".to_string(),
                month_a_year_earlier,
                Kind::Phrase,
            ),
            // "a year earlier", "the year before", "a month ago", "the previous month": the
            // period before the one the sentence names (`previous_of_the_sentence`), else before
            // the publication date.
            (
                format!(r"(?i)\b(?:(?:a|{NUMBER_WORD})\s+(years?|months?)\s+(?:earlier|before|ago|prior)|the\s+(year|month)\s+(?:before|prior)|the\s+(?:previous|prior|preceding)\s+(month))\b"),
                a_year_or_month_before,
                Kind::Phrase,
            ),
            // "last fiscal year", "the previous fiscal year".
            (
                r"(?i)\b(?:last|the\s+previous|the\s+prior|the\s+preceding)\s+(fiscal\s+)?year\b".to_string(),
                last_year,
                Kind::Phrase,
            ),
            (r"(?i)\blast\s+month\b".to_string(), last_month, Kind::Phrase),
            (r"(?i)\bthis\s+month\b".to_string(), this_month, Kind::Phrase),
            // "in the past 12 months", "over the last five years".
            (
                format!(r"(?i)\b(?:the\s+)?(?:past|last|previous)\s+({NUMBER_WORD})\s+(months|years)\b"),
                past_n,
                Kind::Phrase,
            ),
            // "between 2011 and September 2017", "from 2018 to June 2022": a year to a month.
            (
                format!(r"(?i)\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|through|until|till)\s+(?:the\s+end\s+of\s+)?({MONTH}){DAY},?\s+((?:19|20)\d\d)\b"),
                year_to_month,
                Kind::Phrase,
            ),
            // "between June 2019 and 2022": a month to the end of a year.
            (
                format!(r"(?i)\b(?:between|from)\s+({MONTH}),?\s+((?:19|20)\d\d)\s+(?:and|to|through|until|till)\s+(?:the\s+end\s+of\s+)?((?:19|20)\d\d)\b"),
                month_to_year,
                Kind::Phrase,
            ),
            // "October 1, 2022, and February 28, 2023", "October through February", "Jan.-March 2023",
            // and day first: "from 1 January to 30 December 2022".
            (
                format!(r"(?i)\b(?:(between|from)\s+)?{DAY_FIRST}({MONTH}){DAY},?(?:\s+(\d{{4}}))?,?\s*(through|thru|to|until|and|-|–)\s*(?:the\s+end\s+of\s+)?(?:last\s+)?{DAY_FIRST}({MONTH}){DAY},?(?:\s+(\d{{4}}))?\b"),
                month_range,
                Kind::Phrase,
            ),
            // "fiscal year 2023", "FY23", "FY 2007", "fiscal 2022", "Fiscal Year 23".
            (
                format!(r"(?i)\b{FISCAL}\s*'?(\d{{4}}|\d{{2}})\b"),
                fiscal_year,
                Kind::Phrase,
            ),
            (r"(?i)\b(?:calendar\s+year|cy)\s*(\d{4})\b".to_string(), calendar_year, Kind::Phrase),
            // "since October", "since October 2022", "since 2021", "since the start of 2024",
            // "since the end of June 2022", "since early 2024", "since mid-2023".
            (
                format!(r"(?i)\bsince\s+(?:the\s+(?:beginning|start|end)\s+of\s+)?(?:(?:early|mid|late)[\s-]+)?(?:{DAY_FIRST}({MONTH}){DAY},?(?:\s+(\d{{4}}))?|(\d{{4}}))\b"),
                since,
                Kind::Phrase,
            ),
            // "Since the deal was signed in April", "since the new rules came into force in 2021":
            // an event dated in the words after "since" starts the period to date.
            (
                format!(r"(?i)\bsince\s+(?:[a-z’']+\s+){{1,6}}?(?:in|on)\s+(?:{DAY_FIRST}({MONTH}){DAY},?(?:\s+(\d{{4}}))?|(\d{{4}}))\b"),
                since,
                Kind::Phrase,
            ),
            // "through March", "until February 2023", "till July".
            (
                format!(r"(?i)\b(?:through|thru|until|till|up\s+to)\s+(?:the\s+end\s+of\s+)?(?:last\s+)?({MONTH})(?:\s+(\d{{4}}))?\b"),
                through_month,
                Kind::Phrase,
            ),
            // "from 2010 to 2020", "2000-2017", "between 2015 and 2020".
            (
                r"(?i)\b(?:(?:from|between)\s+)?((?:1[89]|20)\d\d)\s*(?:-|–|to|through|and)\s*((?:1[89]|20)\d\d|\d\d)\b".to_string(),
                year_range,
                Kind::Year,
            ),
            (
                r"(?i)\b(?:the\s+)?(?:early\s+|late\s+|mid[- ])?((?:1[89]|20)\d0)s\b".to_string(),
                decade,
                Kind::Year,
            ),
            (
                r"(?i)\b(?:by\s+|at\s+|as\s+of\s+)?the\s+end\s+of\s+((?:1[89]|20)\d\d)\b".to_string(),
                end_of_year,
                Kind::Year,
            ),
            // "could reach 400,000 by the end of the year", "by the end of this year", "by year's
            // end", "by year-end": the publication's year ("the year" only in a forecast:
            // elsewhere it may be the year the passage is about).
            (
                r"(?i)\b(?:by\s+|at\s+|before\s+)?(?:the\s+end\s+of\s+(?:this|the)\s+year|(?:this\s+|the\s+)?year['’]s\s+end|(?:this\s+|the\s+)?year-end)\b".to_string(),
                end_of_this_year,
                Kind::Phrase,
            ),
            // "last May", "Last May (2022)", "this March": the latest such month before the
            // publication's, the one of the publication's year, or the year in brackets.
            (
                r"\b(?i:(the\s+)?(last|this|past))\s+((?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|May)\b(?:\s*\(((?:19|20)\d\d)\))?".to_string(),
                last_named_month,
                Kind::Phrase,
            ),
            // "in April alone", "in March 2023", "as of June 2023", "April 2023".
            (
                format!(r"\b(?:(?i:in|during|as\s+of|for|by)\s+)?((?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?|May){DAY},?(?:\s+(\d{{4}}))?\b"),
                one_month,
                Kind::Phrase,
            ),
            // "a 42% decrease from may 2023": "may" before a year is the month whatever its case.
            (
                format!(r"\b(?:(?i:in|during|as\s+of|for|by)\s+)?((?i:may)){DAY},?\s+(\d{{4}})\b"),
                one_month,
                Kind::Phrase,
            ),
            (r"(?i)\b((?:1[89]|20)\d\d)\b".to_string(), one_year, Kind::Year),
            (
                r"\b(January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)".to_string(),
                bare_month,
                Kind::Month,
            ),
            // "a fourfold increase compared to May, when …", "during the month of May": a
            // capitalised "May" after a comparison's cue or "month of" is the month ("Theresa
            // May" is a name after most other words).
            (
                r"\b(?i:compared\s+(?:to|with)|than\s+in|until|through|month\s+of)\s+(?P<phrase>May)\b".to_string(),
                bare_month,
                Kind::Month,
            ),
            (
                r"(?i)\b(?:today|currently|nowadays|at\s+present|right\s+now)\b".to_string(),
                present,
                Kind::Phrase,
            ),
            // "including 90 on Christmas Day": a day of the latest December (New Year's Day, of
            // the latest January).
            (
                r"\b(?:Christmas\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year['’]s\s+(?:Day|Eve))\b"
                    .to_string(),
                holiday,
                Kind::Phrase,
            ),
            // "on Monday", "yesterday", "over the past three days", "last week", "the week
            // before", "two weeks ago", "a few days ago": within days of the article, so its
            // month.
            (
                format!(r"(?i)\b(?:(?:on|last|this)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\byesterday\b|\b(?:over\s+|in\s+)?the\s+(?:past|last)\s+(?:{NUMBER_WORD}\s+)?(?:days?|weeks?|weekend)\b|\b(?:earlier\s+)?(?:last|this)\s+(?:week|weekend)\b|\bthe\s+(?:previous|prior)\s+week\b|\bthe\s+week\s+before\b|\b(?:a|one|two|three|[1-3]|a\s+few|several)\s+weeks?\s+ago\b|\b(?:a|{NUMBER_WORD}|\d{{1,2}}|a\s+few|several)\s+days?\s+ago\b"),
                // Days of the publication's month: a part of this month.
                this_month,
                Kind::Recent,
            ),
        ];
        specs
            .into_iter()
            .filter_map(|(pattern, build, kind)| {
                Regex::new(&pattern).ok().map(|regex| (regex, build, kind))
            })
            .collect()
    })
}

/// Every period phrase of `text`, in text order, none overlapping.
/// `counts` are the spans of numbers the figure annotator reads as quantities, not years.
pub fn find(text: &str, rules: &BindRules, anchor: Option<Month>, counts: &[Span]) -> Vec<Found> {
    find_in(text, rules, anchor, counts, false, None)
}

/// Whether a sentence, lowercased, counts in fiscal years ("fiscal", "budget year" or "FY"
/// anywhere in it).
pub fn counts_in_fiscal_years(lower: &str) -> bool {
    lower.contains("fiscal") || lower.contains("budget year") || has_word(lower, "fy")
}

/// [`find`] for a sentence read after one that counts in fiscal years (`fiscal_before`): its
/// bare and relative years are fiscal too ("registered 24,296 in fiscal year 2024. The number is
/// higher than the 24,125 in all of last year": last year is FY2023), unless it says "calendar".
pub fn find_in(
    text: &str,
    rules: &BindRules,
    anchor: Option<Month>,
    counts: &[Span],
    fiscal_before: bool,
    split_year_start: Option<u32>,
) -> Vec<Found> {
    let lower = text.to_lowercase();
    let ctx = Ctx {
        anchor,
        fiscal_sentence: counts_in_fiscal_years(&lower)
            || (fiscal_before && !lower.contains("calendar")),
        projection: projection(&lower),
        to_date: counts_to_date(text),
        split_year_start,
        fiscal_start: rules.fiscal_start(split_year_start),
    };
    let mut found: Vec<Found> = Vec::new();
    let mut citations: Vec<Span> = Vec::new();
    for (regex, build, kind) in patterns() {
        for caps in regex.captures_iter(text) {
            // A pattern may name the part of its match that is the phrase.
            let Some(whole) = caps.name("phrase").or_else(|| caps.get(0)) else {
                continue;
            };
            // "the first half of this year compared to 2022": a pattern's optional tail may
            // take the space after the phrase; the phrase ends at its last word.
            let end = whole.start() + whole.as_str().trim_end().len();
            let span = Span::new(whole.start(), end);
            if found
                .iter()
                .map(|f| &f.span)
                .chain(&citations)
                .any(|other| other.start < span.end && span.start < other.end)
            {
                continue;
            }
            if !clean_edges(text, span) {
                continue;
            }
            if *kind == Kind::Year
                && (counts
                    .iter()
                    .any(|c| c.start < span.end && span.start < c.end)
                    || citation(text, span))
            {
                continue;
            }
            if citation_date(text, span) {
                // Its year is the citation's too.
                citations.push(span);
                continue;
            }
            if *kind == Kind::Recent && dates_the_report(text, span) {
                continue;
            }
            // "Mulino said on December 19 that 55 migrants had died in 2024": a day written after
            // a reporting verb dates the statement, and no part of it is a period.
            let day_first = match kind {
                Kind::Month => day_before(text, span.start),
                _ => None,
            };
            let names_day =
                (*kind == Kind::Phrase && names_a_day(whole.as_str())) || day_first.is_some();
            let statement = Span::new(day_first.unwrap_or(span.start), span.end);
            if names_day && dates_the_report(text, statement) {
                citations.push(span);
                continue;
            }
            let Some(mut period) = build(&caps, &ctx) else {
                // "R28 million in 2016/17" with no country's year known: not 2016 either.
                if *kind == Kind::SplitYear && consecutive_years(&caps).is_some() {
                    citations.push(span);
                }
                continue;
            };
            let (span, partial) = widen_partial(text, span, rules);
            // "The latest immigration statistics for 2023 have just been released" (in November
            // 2023): a year not over yet that names a release labels it; it is no period.
            if !partial && ongoing(&period, anchor) && labels_a_release(&text[..span.start], rules)
            {
                continue;
            }
            if partial && !period.partial {
                period = period.so_far(anchor);
            } else if ongoing(&period, anchor) && !ctx.projection {
                // "in 2024" written in June 2024 counts 2024 so far, unless it is a forecast.
                period = period.so_far(anchor);
            }
            period.text = text.get(span.start..span.end).unwrap_or("").to_string();
            let bare_month = *kind == Kind::Month;
            let record = since_a_record(text, span, rules);
            let base = is_base(text, span, &period.text) || record;
            let after = &text[span.end..];
            let possessive = after.starts_with("'s") || after.starts_with("’s");
            found.push(Found {
                span,
                period,
                bare_month,
                base,
                record,
                level: None,
                possessive,
            });
        }
    }
    found.sort_by_key(|f| f.span.start);
    part_of_a_relative_year(&mut found, text);
    part_of_the_year_before_it(&mut found, text);
    same_month_this_year(&mut found);
    this_year_of_a_january_recap(&mut found, text, anchor);
    same_period_of_the_sentence(&mut found);
    found
}

/// "In 2024, Mexico witnessed a significant decline in asylum applications, … totaling 78,975
/// applicants this year compared to 140,720 in 2023" (published 14 January 2025): a January
/// article's bare "this year", in a sentence framed by the year before (written before it) or
/// comparing it with the year before that (written after it, a comparison cue between), is the
/// year before: a fortnight of a year is no year's total. "This year, 500 crossed, compared with
/// 36,816 in 2024" keeps this year: the year before is what it is compared with.
fn this_year_of_a_january_recap(found: &mut [Found], text: &str, anchor: Option<Month>) {
    const CUES: &[&str] = &["compared", "than", "from", "against", "versus", "over"];
    let Some(anchor) = anchor.filter(|anchor| anchor.month() == 1) else {
        return;
    };
    let last = anchor.year() - 1;
    let whole_year = |found: &Found, year: i32| {
        found.period.granularity == Granularity::Year
            && !found.period.fiscal
            && !found.period.partial
            && found.period.start == Month::new(year, 1)
            && found.period.end == Month::new(year, 12)
            && has_year(&found.period.text)
    };
    let Some(this_year) = found
        .iter()
        .position(|found| found.period.text.eq_ignore_ascii_case("this year"))
    else {
        return;
    };
    let at = found[this_year].span;
    let framed_by_last = found
        .iter()
        .any(|found| found.span.end <= at.start && whole_year(found, last));
    let compared_with_the_year_before = found.iter().any(|found| {
        found.span.start >= at.end
            && whole_year(found, last - 1)
            && text.get(at.end..found.span.start).is_some_and(|between| {
                between
                    .to_lowercase()
                    .split(|ch: char| !ch.is_alphanumeric())
                    .any(|word| CUES.contains(&word))
            })
    });
    if !(framed_by_last || compared_with_the_year_before) {
        return;
    }
    let found = &mut found[this_year];
    let text = std::mem::take(&mut found.period.text);
    found.period = Period::calendar_year(last);
    found.period.relative = true;
    found.period.text = text;
}

/// "the first half of last year", "between January and March last year", "from January to June
/// of last year": a part of a year written without its year, right before "last year", "this
/// year" or "next year", is that part of the year named, one phrase (never the whole year).
fn part_of_a_relative_year(found: &mut Vec<Found>, text: &str) {
    let mut at = 0;
    while at + 1 < found.len() {
        let (part, year) = (&found[at], &found[at + 1]);
        let names_year = matches!(
            year.period.text.to_lowercase().as_str(),
            "last year" | "this year" | "next year"
        ) && year.period.granularity == Granularity::Year
            && !year.period.fiscal;
        let gap = text
            .get(part.span.end..year.span.start)
            .map(|gap| gap.trim().trim_end_matches(',').trim().to_lowercase());
        let joined = gap.is_some_and(|gap| gap.is_empty() || gap == "of" || gap == "of the");
        let within_a_year = (part.period.partial || part.period.granularity == Granularity::Months)
            && !part.period.fiscal
            && !part.period.approximate_end
            && part.period.start.year() == part.period.end.year()
            && !has_year(&part.period.text);
        if !(names_year && joined && within_a_year && !part.base && !year.base) {
            at += 1;
            continue;
        }
        let shift = (year.period.start.year() - part.period.start.year()) * 12;
        let span = Span::new(part.span.start, year.span.end);
        let mut period = part.period.shifted(shift);
        period.part_of = period
            .part_of
            .as_ref()
            .map(|_| year.period.start.year().to_string());
        period.relative = true;
        period.text = text[span.start..span.end].to_string();
        found[at].span = span;
        found[at].period = period;
        found.remove(at + 1);
        at += 1;
    }
}

/// "In July last year, the small island saw 18,723 arrivals, compared to 4,231 this year": a bare
/// "Last year 764 Nigerians tried to claim asylum in the first six months", "In 2022, 500
/// applied in the first six months": a part of a year written without its year ("the first six
/// months", "the first half"), after the one year its sentence names and in the same clause (an
/// opening comma after the year at most between), is that part of that year; the year's phrase
/// dates the same part, so the figures between take it too.
fn part_of_the_year_before_it(found: &mut [Found], text: &str) {
    let is_year = |found: &Found| {
        found.period.granularity == Granularity::Year
            && !found.base
            && !found.period.fiscal
            && !found.period.partial
    };
    let mut years = found.iter().enumerate().filter(|(_, found)| is_year(found));
    let (Some((year_at, _)), None) = (years.next(), years.next()) else {
        return;
    };
    let year = found[year_at].clone();
    let mut dated: Option<Period> = None;
    for part in found.iter_mut().skip(year_at + 1) {
        let lower = part.period.text.to_lowercase();
        let names_its_year = has_year(&lower)
            || ["this", "last", "next", "current", "past", "previous"]
                .iter()
                .any(|word| lower.split_whitespace().any(|w| w == *word));
        let part_of_one_year = part.period.partial
            && !part.base
            && !part.period.fiscal
            && !part.period.approximate_end
            && part.period.granularity == Granularity::Months
            && part.period.start.year() == part.period.end.year();
        if names_its_year || !part_of_one_year {
            continue;
        }
        let Some(gap) = text.get(year.span.end..part.span.start) else {
            continue;
        };
        let gap = gap.strip_prefix(',').unwrap_or(gap);
        if gap.contains([',', ';', ':', '.', '(', ')']) {
            continue;
        }
        let shift = (year.period.start.year() - part.period.start.year()) * 12;
        if shift == 0 {
            continue;
        }
        let part_text = std::mem::take(&mut part.period.text);
        part.period = part.period.shifted(shift);
        part.period.part_of = Some(year.period.name());
        part.period.relative = year.period.relative;
        part.period.text = part_text;
        dated = Some(part.period.clone());
        break;
    }
    if let Some(mut dated) = dated {
        dated.text = std::mem::take(&mut found[year_at].period.text);
        found[year_at].period = dated;
    }
}

/// "this year" after a month of last year ("July last year", "July of last year") is that month
/// this year.
fn same_month_this_year(found: &mut [Found]) {
    let Some(month) = found
        .iter()
        .find(|found| {
            found.period.granularity == Granularity::Month
                && found.period.text.to_lowercase().ends_with(" last year")
        })
        .map(|found| (found.span, found.period.clone()))
    else {
        return;
    };
    for this_year in found
        .iter_mut()
        .filter(|found| found.span.start > month.0.end)
        .filter(|found| found.period.text.eq_ignore_ascii_case("this year"))
    {
        let text = std::mem::take(&mut this_year.period.text);
        this_year.period = month.1.shifted(12);
        this_year.period.text = text;
    }
}

/// Whether a phrase writes a year of four digits ("the first half of 2023", "on the first quarter
/// of 2024").
fn has_year(phrase: &str) -> bool {
    phrase
        .split(|ch: char| !ch.is_ascii_digit())
        .any(|digits| digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")))
}

/// "the same period a year earlier" is the period the sentence names, a year before ("in the
/// budget year that ended Sept. 30 ... the same period a year earlier" is the fiscal year
/// before), when the sentence names one; otherwise it stays relative to the publication date.
/// "the same period of 2023" is the sentence's period moved to 2023 ("Between January and May
/// 2024 ... the same period of 2023" is January to May 2023).
fn same_period_of_the_sentence(found: &mut [Found]) {
    let is_same = repeats_a_period;
    let named: Vec<(Span, Period)> = found
        .iter()
        .filter(|other| !is_same(other) && !other.period.approximate_end && !other.base)
        .map(|other| (other.span, other.period.clone()))
        .collect();
    for same in found.iter_mut().filter(|found| is_same(found)) {
        // "the same period of" (its year written right after the phrase, which the builder has
        // already put the phrase in): that year is the phrase's, not the period it repeats.
        let year_follows = year_follows(same);
        // "a year earlier" repeats a period already named ("in the budget year that ended Sept.
        // 30 ... the same period a year earlier"), never one written after it ("26,501 this time
        // last year but 38,129 at this stage in 2022").
        // A whole year written after the phrase is another figure's ("14,706 … in the same
        // period in 2024, and 12,042 and 9,567 in 2023 and 2022, respectively"), not the span
        // it repeats.
        let nearest = named
            .iter()
            .filter(|(span, period)| {
                span.end <= same.span.start
                    || year_follows && period.granularity != super::Granularity::Year
            })
            .filter(|(span, _)| !(year_follows && span.start.abs_diff(same.span.end) <= 1))
            .min_by_key(|(span, _)| span.start.abs_diff(same.span.start));
        if let Some((_, period)) = nearest {
            let months = if year_follows {
                (same.period.end.year() - period.end.year()) * 12
            } else {
                -12
            };
            let text = std::mem::take(&mut same.period.text);
            same.period = period.shifted(months);
            same.period.text = text;
        }
    }
}

/// The phrase repeats a period named elsewhere: "the same period last year", "this time last
/// year", "at this stage in 2022".
fn repeats_a_period(found: &Found) -> bool {
    says_a_repeat(&found.period.text)
}

/// The words of a period phrase repeat a period named elsewhere ([`repeats_a_period`]).
pub(super) fn says_a_repeat(text: &str) -> bool {
    if is_bare_same(text) {
        return false;
    }
    let lower = text.to_lowercase();
    [
        "same",
        "this time",
        "this stage",
        "this point",
        "igual ",
        "mismo ",
        "misma ",
    ]
    .iter()
    .any(|cue| lower.contains(cue))
}

/// "the same period of" or "… in": the phrase's year is written right after it (the builder has
/// already put that year in the phrase's period).
fn year_follows(found: &Found) -> bool {
    let lower = found.period.text.to_lowercase();
    // The year may already be joined to the phrase ("the same period in 2024").
    let lower = lower
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    [" of", " in", " de", " del", " de año", " del año"]
        .iter()
        .any(|end| lower.ends_with(end))
}

/// "in the same period" with no year or "last year" of its own.
fn is_bare_same(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("same")
        && !lower.contains("year")
        && !lower.contains(|c: char| c.is_ascii_digit())
        && (lower.starts_with("in ") || lower.starts_with("during ") || lower.starts_with("over "))
}

/// "Seven people were recorded making the journey in January 2018; 45 in 2019; 94 in 2020 and
/// 224 in 2021": a list that goes on from one month of a year with bare years, each after its
/// own figure, means that month of each year.
pub fn same_month_of_listed_years(found: &mut [Found], sentence: &str) {
    static GAP: OnceLock<Regex> = OnceLock::new();
    let gap = GAP.get_or_init(|| {
        crate::util::static_regex(r"(?i)^\s*[;,]\s*(?:and\s+)?[\d][\d,.]*\s+(?:in\s+)?$|^\s+and\s+[\d][\d,.]*\s+(?:in\s+)?$")
    });
    let mut month: Option<u32> = None;
    let mut last_end = 0;
    for one in found.iter_mut() {
        let single_month = one.period.granularity == super::Granularity::Month
            && one.period.start == one.period.end
            && !one.period.partial
            && one.period.text.chars().any(|c| c.is_ascii_digit());
        let bare_year = one.period.granularity == super::Granularity::Year
            && !one.period.relative
            && !one.period.fiscal
            && !one.period.partial;
        let between = sentence.get(last_end..one.span.start).unwrap_or("");
        match month {
            Some(listed) if bare_year && gap.is_match(between) => {
                let text = std::mem::take(&mut one.period.text);
                one.period = Period::month(Month::new(one.period.start.year(), listed));
                one.period.text = text;
            }
            _ => month = single_month.then(|| one.period.start.month()),
        }
        last_end = one.span.end;
    }
}

/// "During the first 31 days of 2024, 1,335 crossed, a 13 per cent increase over the same period
/// last year. ¶ Last year there were 1,180, compared with 1,339 in 2022.": right after a sentence
/// that compared `part` of a year with the same part of an earlier one, a bare earlier calendar
/// year ("last year", "in 2022") is that part of it, unless the sentence says it means the whole
/// year ("all of 2022", "the whole year", "a total of") or refers back to one ("that year").
pub fn same_part_of_bare_years(found: &mut [Found], part: &Period, sentence: &str) {
    const WHOLE: &[&str] = &[
        "all of",
        "whole",
        "entire",
        "full year",
        "full-year",
        "in total",
        "throughout",
        "as a whole",
        "annual",
        "a year",
        "a total of",
        "that year",
        // "Last year marked a record year for migration": the year as a whole.
        "record year",
    ];
    let lower = sentence.to_lowercase();
    if WHOLE.iter().any(|word| lower.contains(word)) {
        return;
    }
    let earlier_year = |other: &Found| {
        other.period.granularity == super::Granularity::Year
            && !other.period.fiscal
            && !other.period.partial
            && other.period.start.year() < part.start.year()
            && other.period.start.year() >= part.start.year() - 5
    };
    // Every period of the sentence is a bare calendar year before the part's, or the part's own
    // year so far ("751 this year and 756 in 2023").
    let this_part = |other: &Found| {
        other.period.partial
            && other.period.relative
            && other.period.start == part.start
            && other.period.end >= part.end
    };
    let bare_years = found
        .iter()
        .all(|other| earlier_year(other) || this_part(other));
    if !found.iter().any(earlier_year) || !bare_years {
        return;
    }
    for other in found.iter_mut().filter(|other| earlier_year(other)) {
        let years = part.start.year() - other.period.start.year();
        let text = std::mem::take(&mut other.period.text);
        let mut period = Period::span(part.start.plus(-12 * years), part.end.plus(-12 * years));
        period.partial = true;
        period.part_of = Some(other.period.start.year().to_string());
        period.relative = other.period.relative;
        period.text = text;
        other.period = period;
    }
}

/// "The figures show there were 32,059 asylum seekers in UK hotels by the end of June. ¶ This was
/// up from 29,585 at the same point a year earlier": a repeat a year back ("the same point a year
/// earlier", "the same period last year") in a sentence that names no period before it repeats
/// the span the passage is about (`carried`), a year before, rather than the publication's.
pub fn repeat_of_carried_a_year_back(found: &mut [Found], carried: Option<&Period>) {
    let Some(carried) = carried.filter(|carried| !carried.fiscal) else {
        return;
    };
    for at in 0..found.len() {
        let phrase = found[at].period.text.to_lowercase();
        let a_year_back = says_a_repeat(&phrase)
            && !has_year(&phrase)
            && !found[at].period.fiscal
            && ["last year", "a year", "previous year", "prior year"]
                .iter()
                .any(|back| phrase.contains(back));
        let named_before = found[..at]
            .iter()
            .any(|other| !other.base && !says_a_repeat(&other.period.text));
        if !a_year_back || named_before {
            continue;
        }
        let text = std::mem::take(&mut found[at].period.text);
        found[at].period = carried.shifted(-12);
        found[at].period.text = text;
    }
}

/// "So far this year 19,294 have crossed. … 10% down on 2022, when 21,344 crossings were recorded
/// in the same period": a bare "in the same period" is the span the passage is about (`carried`),
/// moved to the last year its sentence names before it (else left where it is). With no such
/// span, it names no period and is dropped.
pub fn same_span_in_named_year(found: &mut Vec<Found>, carried: Option<&Period>) {
    let years: Vec<(Span, i32)> = found
        .iter()
        .filter(|other| !is_bare_same(&other.period.text))
        .filter(|other| matches!(other.period.granularity, super::Granularity::Year))
        .map(|other| (other.span, other.period.end.year()))
        .collect();
    // A span its own sentence names before it comes first ("In January-March this year, 26,800
    // arrived, compared to 6,400 in 2022 during the same months").
    let spans: Vec<(Span, Period)> = found
        .iter()
        .filter(|other| {
            !is_bare_same(&other.period.text) && !other.base && !other.period.approximate_end
        })
        .filter(|other| {
            !matches!(
                other.period.granularity,
                super::Granularity::Year | super::Granularity::FiscalYear
            )
        })
        .map(|other| (other.span, other.period.clone()))
        .collect();
    // "in the same period from January to the end of October": the phrase right after names it.
    let starts: Vec<usize> = found.iter().map(|other| other.span.start).collect();
    found.retain_mut(|same| {
        if !is_bare_same(&same.period.text) {
            return true;
        }
        // One space at most between the two phrases.
        let named_after = starts
            .iter()
            .any(|start| (same.span.end..=same.span.end + 1).contains(start));
        if named_after {
            return false;
        }
        let own = spans
            .iter()
            .rfind(|(other, _)| other.end <= same.span.start)
            .map(|(_, period)| period);
        let Some(span) = own.or(carried) else {
            return false;
        };
        let year = years
            .iter()
            .rfind(|(other, _)| other.end <= same.span.start)
            .map(|(_, year)| *year);
        let shift = year.map_or(0, |year| (year - span.end.year()) * 12);
        let text = std::mem::take(&mut same.period.text);
        same.period = span.shifted(shift);
        same.period.text = text;
        true
    });
}

/// "In January 2024, 85,855 applied. In the same period last year, they had been 83,310": a
/// "same period last year" its own sentence left relative to the publication date repeats the
/// period the sentence before named (`carried`, when that one is a named period), a year earlier,
/// when the sentence names no other period.
pub fn repeat_carried(found: &mut [Found], carried: &Period) {
    // A sentence that names a period of its own ("so far this year ... the same period last
    // year") repeats that one, as `same_period_of_the_sentence` reads it.
    // The year written right after "the same period of" is that phrase's, no period of its own.
    let year_of_phrase = |other: &Found| {
        found.iter().any(|same| {
            repeats_a_period(same)
                && year_follows(same)
                && other.span.start.abs_diff(same.span.end) <= 1
        })
    };
    if found
        .iter()
        .any(|other| !repeats_a_period(other) && !other.base && !year_of_phrase(other))
    {
        return;
    }
    for same in found.iter_mut() {
        if !repeats_a_period(same) {
            continue;
        }
        if same.period.relative && !year_follows(same) && !carried.relative {
            let text = std::mem::take(&mut same.period.text);
            same.period = carried.shifted(-12);
            same.period.text = text;
        } else if year_follows(same) && same.period.end.year() < carried.end.year() {
            // "196,370 … in the first semester of this year. This almost quadruples the 49,452
            // for the same period in 2022": the carried span in the year written.
            let months = (same.period.end.year() - carried.end.year()) * 12;
            let text = std::mem::take(&mut same.period.text);
            same.period = carried.shifted(months);
            same.period.text = text;
        }
    }
}

/// The phrase is a cut-off date: "as of Dec. 20", "as at 30 June", "as of 6 am Wednesday".
pub fn is_cutoff(text: &str, span: Span) -> bool {
    static BEFORE: OnceLock<Regex> = OnceLock::new();
    let before = BEFORE.get_or_init(|| {
        crate::util::static_regex(
            r"(?i)(?:\bas\s+(?:of|at)(?:\s+[\d:.]+\s*(?:am|pm|a\.m\.|p\.m\.|hours|h))?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|\bby\s+the\s+end\s+of)\s*$",
        )
    });
    static BY_DAY: OnceLock<Regex> = OnceLock::new();
    // "by October 2 2022", "by Oct. 2": a day-precise date after "by" is a cut-off; "by October"
    // alone may be a month's own count.
    let by_day = BY_DAY
        .get_or_init(|| crate::util::static_regex(r"^by\s+[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"));
    let phrase = text[span.start..span.end].to_lowercase();
    phrase.starts_with("as of ")
        || phrase.starts_with("as at ")
        || by_day.is_match(&phrase)
        || before.is_match(
            &text
                [crate::util::floor_char_boundary(text, span.start.saturating_sub(24))..span.start],
        )
}

/// The sentence counts up to a date with a perfect tense ("513,782 migrants had crossed", "have
/// arrived", "has been deported"): what it states is a running total, not the date's own count.
pub fn counts_to_date(text: &str) -> bool {
    static PERFECT: OnceLock<Regex> = OnceLock::new();
    PERFECT
        .get_or_init(|| {
            crate::util::static_regex(
                r"(?i)\b(?:had|have|has)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:been\s+)?(?:[a-z]+(?:ed|en|wn|ne|ft|ught|un)|made|paid|sent|spent|kept|held|found|got|built|met|lost|sold|told)\b",
            )
        })
        .is_match(text)
}

/// A period phrase right after "than", "compared with", "versus", "against", or a "same period"
/// phrase right after "over" or "from": the base of a comparison.
fn is_base(text: &str, span: Span, phrase: &str) -> bool {
    const ALWAYS: &[&str] = &[
        "than",
        "compared with",
        "compared to",
        "versus",
        "vs",
        "vs.",
        "against",
        // Spanish: "respecto a igual mes de 2018", "en comparación al 2024".
        "respecto a",
        "respecto al",
        "respecto de",
        "respecto del",
        "en comparación con",
        "en comparación con el",
        "en comparación al",
        "en comparación a",
        "comparado con",
        "comparada con",
        "frente a",
        "frente al",
        "con relación a",
        "con relación al",
        "en relación con",
        "en relación al",
    ];
    const SAME: &[&str] = &["over", "from", "on", "with"];
    let before = text[..span.start].trim_end().to_lowercase();
    let ends_with = |cues: &[&str]| {
        cues.iter().any(|cue| {
            before.strip_suffix(cue).is_some_and(|rest| {
                rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric())
            })
        })
    };
    let lower = phrase.to_lowercase();
    // "a 90% increase from 2023", "up 12 percent from August": the start of a change.
    // A change word among the last four words of `rest`, which ends before a cue.
    // The amount's digits and qualifier are no words here ("an increase of more than 10,000
    // from the previous year").
    const QUALIFIERS: &[&str] = &[
        "more",
        "less",
        "fewer",
        "than",
        "nearly",
        "almost",
        "about",
        "around",
        "roughly",
        "approximately",
        "some",
        "over",
        "just",
        // An amount in words: "a decrease of almost a third from the revised 2023 estimate".
        "a",
        "half",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "fifth",
        "fifths",
    ];
    let change_ends = |rest: &str| {
        rest.ends_with(|c: char| !c.is_alphanumeric())
            && rest
                .split(|c: char| !c.is_alphanumeric())
                .filter(|word| !word.is_empty())
                .rev()
                .skip_while(|word| {
                    word.chars().all(|c| c.is_ascii_digit()) || QUALIFIERS.contains(word)
                })
                .take(4)
                .any(|word| CHANGE_WORDS.contains(&word))
    };
    let after_change = |cue: &str| before.strip_suffix(cue).is_some_and(change_ends);
    // "10% down on 2022", "an increase on last year": a year after a change's "on" is its base
    // ("up on Monday" is a day, not a base).
    let year_like = lower.starts_with(|c: char| c.is_ascii_digit())
        || lower.starts_with("last ")
        || lower.starts_with("the previous ");
    // "a 10% increase on the figure recorded last year": the base is a short noun phrase after
    // the change's "on".
    let on_the_figure = before.rfind(" on the ").is_some_and(|at| {
        let phrase = &before[at + " on ".len()..];
        phrase.split_whitespace().count() <= 4
            && !phrase.contains(',')
            && change_ends(&before[..=at])
    });
    // "a 70% spike over February", "a 25% increase over 2022": a named month or year right
    // after a change noun's "over" is its base ("rose 20% over 2023" is during 2023).
    const CHANGE_NOUNS: &[&str] = &[
        "increase", "rise", "jump", "spike", "surge", "drop", "decline", "decrease", "fall",
        "gain", "growth",
    ];
    // "a 24 percent increase on the first quarter of 2024": a phrase that names its year.
    let names_a_year = has_year(&lower);
    let named = lower.starts_with(|c: char| c.is_ascii_digit())
        || names_a_year
        || month_number(lower.split([' ', ',', '.']).next().unwrap_or("")).is_some();
    let over_a_change_noun = named
        && before.strip_suffix("over").is_some_and(|rest| {
            rest.ends_with(' ')
                && rest
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|word| CHANGE_NOUNS.contains(&word))
        });
    // "a 13 percent decline from the 2007 peak": a year after "the" is the base all the same,
    // and after a word that says which estimate ("from the revised 2023 estimate").
    const ESTIMATE_WORDS: &[&str] = &["revised", "provisional", "final", "updated", "preliminary"];
    let after_the_change = |cue: &str| {
        let before = ESTIMATE_WORDS
            .iter()
            .find_map(|word| before.strip_suffix(word).map(str::trim_end))
            .unwrap_or(&before);
        lower.starts_with(|c: char| c.is_ascii_digit())
            && before
                .strip_suffix("the")
                .map(str::trim_end)
                .and_then(|rest| rest.strip_suffix(cue))
                .is_some_and(change_ends)
    };
    // "lower than those recorded during the first two days of March 2024", "higher than in
    // 2022": a few words ending in a preposition between the comparison and the phrase.
    // Not the first of a list ("the combined encounters in 2022 and 2021"): one base of two.
    let listed = text[span.end..]
        .trim_start()
        .strip_prefix("and ")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    // The sentence may open on the cue ("Compared to the end of August, …").
    let padded = format!(" {before}");
    let than_then = !listed
        && ["than", "compared with", "compared to"].iter().any(|cue| {
            padded.rfind(&format!(" {cue} ")).is_some_and(|at| {
                let rest = &padded[at + cue.len() + 2..];
                let words: Vec<&str> = rest.split_whitespace().collect();
                // ("than at this stage in 2023" repeats a span in another year: not this rule's)
                words.len() <= 5
                    && !words.iter().any(|word| ["this", "same"].contains(word))
                    && !rest.contains([',', ';', '.'])
                    && !rest.chars().any(|c| c.is_ascii_digit())
                    && words.last().is_some_and(|word| {
                        ["in", "during", "for", "at", "over", "of"].contains(word)
                    })
            })
        });
    // "more than three times the number rescued from January to July 2022", "twice the total
    // of 2019", "twice as high as the figure for the same period of 2023": the phrase dates the
    // quantity a multiple is taken of.
    let multiple_of = [
        "times the ",
        "twice the ",
        "double the ",
        "triple the ",
        "half the ",
        // "over twice as high as the figure for the same period of 2023".
        "as high as the ",
        "as many as the ",
        "as large as the ",
        "as much as the ",
    ]
    .iter()
    .any(|cue| {
        before.rfind(cue).is_some_and(|at| {
            let rest = &before[at + cue.len()..];
            let words = rest.split_whitespace().count();
            (1..=6).contains(&words)
                && !rest.contains([',', ';', '.'])
                && !rest.chars().any(|c| c.is_ascii_digit())
        })
    });
    after_change("from")
        || after_the_change("from")
        || than_then
        || multiple_of
        || over_a_change_noun
        || ((year_like || names_a_year) && (after_change("on") || on_the_figure))
        || ends_with(ALWAYS)
        || (ends_with(SAME)
            && !level_over(&before)
            && (lower.starts_with("the same")
                || lower.starts_with("same")
                // "up 10% over last year"; "over the last year" is a span of time.
                || (lower.contains("last") && !lower.starts_with("the last"))))
}

/// "compared with 17,576 over the same period last year": "over" right after a level, no change
/// word before it, is "during": the phrase dates that level (which may itself be a base, as
/// here), it does not name a change's base. "rose by 12,000 over the same period" is a change.
fn level_over(before: &str) -> bool {
    let Some(rest) = before.trim_end().strip_suffix("over") else {
        return false;
    };
    let mut words = rest.split_whitespace().rev();
    let level = words.next().is_some_and(|word| {
        word.chars().any(|c| c.is_ascii_digit())
            && word
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    });
    let change = |word: &str| {
        CHANGE_WORDS.contains(&word) || matches!(word, "by" | "more" | "fewer" | "less")
    };
    level && !words.take(3).any(change)
}

/// "the highest level since the 2015/2016 migration crisis", "the lowest monthly total since
/// September 2020": a period after a "since" that a record word (`record_words`) leads up to in
/// its clause is what a record is measured against, and so is an event dated after the "since"
/// ("the highest number since such statistics were first published in 2006"). Years may stand
/// between the "since" and the phrase ("since the 2015/2016": both years are the record's).
fn since_a_record(text: &str, span: Span, rules: &BindRules) -> bool {
    let before = text[..span.start].to_lowercase();
    let phrase = text[span.start..span.end].to_lowercase();
    let since_at = if phrase.starts_with("since ") || phrase.starts_with("desde ") {
        // "since September 2020", "since 2016", and an event dated after it ("the highest
        // number since such statistics were first published in 2006").
        span.start
    } else {
        // "since the 2015/" before the year: only "the", years and slashes between.
        let Some(at) = before.rfind("since ") else {
            return false;
        };
        let between = &before[at + "since ".len()..];
        let only_years = between
            .split(|c: char| c.is_whitespace() || c == '/' || c == '-' || c == '–')
            .all(|word| {
                word.is_empty() || word == "the" || word.chars().all(|c| c.is_ascii_digit())
            });
        if !only_years {
            // "passed 25,000 ... since data on Channel crossings was first reported in 2018":
            // an event dated after the "since", with a figure before it in its clause; or
            // after a record word ("the highest growth since records began being kept in
            // 1971/72").
            if since_an_event(&before[..at], between, rules) {
                return true;
            }
            if !names_an_event(between, rules) {
                return false;
            }
        }
        at
    };
    // The record word within the clause before the "since", at most eight words back.
    let lead = &before[..since_at.min(before.len())];
    let clause = lead.rsplit([',', ';', ':', '(', '—']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().rev().take(8).collect();
    let near: String = words.into_iter().rev().collect::<Vec<_>>().join(" ");
    // "This is the first time long-term immigration has fallen below 1 million since the year
    // ending March 2022": a record phrase anywhere in the clause.
    if rules
        .record_phrases
        .iter()
        .any(|phrase| clause.contains(phrase.as_str()))
    {
        return true;
    }
    rules.record_words.iter().any(|word| {
        if word.contains(' ') {
            near.contains(word.as_str())
        } else {
            near.split(|c: char| !c.is_alphanumeric())
                .any(|w| w == word)
        }
    })
}

/// The most words an event between a "since" and its year may take ("since data on Channel
/// crossings was first reported in").
const MAX_SINCE_EVENT_WORDS: usize = 10;

/// "the 25,000 mark has been passed since data on Channel crossings was first reported in
/// 2018": the words `between` a "since" and a period phrase tell an event (`since_event_words`,
/// no digits, no clause break), and the clause `lead`ing up to the "since" states a figure, so
/// the event's year is what the figure is measured against. (A "since" clause that opens its
/// sentence, "Since records began in 2018, 150,000 people have crossed", dates a span instead.)
fn since_an_event(lead: &str, between: &str, rules: &BindRules) -> bool {
    let clause = lead.rsplit([';', ':', '(', '—']).next().unwrap_or("");
    names_an_event(between, rules) && clause.chars().any(|c| c.is_ascii_digit())
}

/// The words `between` a "since" and a period phrase tell an event ("records began being kept
/// in"): `since_event_words`, at most [`MAX_SINCE_EVENT_WORDS`], no digits, no clause break.
fn names_an_event(between: &str, rules: &BindRules) -> bool {
    let words: Vec<&str> = between
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    words.len() <= MAX_SINCE_EVENT_WORDS
        && !between.contains([',', ';', ':', '(', ')'])
        && !between.chars().any(|c| c.is_ascii_digit())
        && words
            .iter()
            .any(|word| rules.since_event_words.iter().any(|event| event == word))
}

/// A day that dates the report rather than the figure: "officials said Monday", "data released
/// on Tuesday", "reported Thursday".
/// Whether a month phrase names one day: "December 19", "Dec. 19, 2024", "March 3rd 2023".
pub(super) fn names_a_day(phrase: &str) -> bool {
    let mut words = phrase
        .split([' ', ','])
        .filter(|word| !word.is_empty())
        .rev();
    let mut last = words.next().unwrap_or("");
    if last.len() == 4 && last.chars().all(|ch| ch.is_ascii_digit()) {
        last = words.next().unwrap_or("");
    }
    // "December 19", "19th", or "the 28th of February" (the day before its month).
    is_day(last) || words.any(|word| is_day(word) && word.len() > 2)
}

/// A day of a month as written: one or two digits, maybe an ordinal suffix ("19", "28th").
fn is_day(word: &str) -> bool {
    let digits = word.trim_end_matches(|ch: char| ch.is_ascii_alphabetic());
    (1..=2).contains(&digits.len()) && digits.chars().all(|ch| ch.is_ascii_digit())
}

/// Where a day written before its month starts ("the 28th of February", "28 February"), if
/// one ends at `month_start`.
fn day_before(text: &str, month_start: usize) -> Option<usize> {
    static DAY_FIRST: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let day = DAY_FIRST.get_or_init(|| {
        crate::util::static_regex(r"(?i)(?:\bthe\s+)?\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
    });
    let from = month_start.saturating_sub(16);
    let from = (from..month_start)
        .find(|at| text.is_char_boundary(*at))
        .unwrap_or(month_start);
    day.find(&text[from..month_start])
        .map(|found| from + found.start())
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn dates_the_report(text: &str, span: Span) -> bool {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "reported",
        "reports",
        "announced",
        "announces",
        "released",
        "published",
        "told",
        "stated",
        "confirmed",
        "showed",
        "show",
        "shows",
        "revealed",
        "added",
        "noted",
        "wrote",
        "posted",
        "tweeted",
        "issued",
        "disclosed",
        "unveiled",
        "presented",
        "declared",
        "specified",
        // Spanish: "informó este martes", "dijo el lunes".
        "dijo",
        "informó",
        "reportó",
        "señaló",
        "indicó",
        "detalló",
        "anunció",
        "publicó",
        "confirmó",
        "afirmó",
        "precisó",
    ];
    /// Words between the verb and the day: "first reported by the Neue Osnabrücker Zeitung on
    /// Saturday", "released by the European Union Asylum Agency (EUAA) on".
    const MAX_GAP: usize = 8;
    /// Words of an appositive between commas before the day ("…, or EUAA, on Monday").
    const MAX_APPOSITIVE_WORDS: usize = 3;
    let mut before = text[..span.start].to_lowercase();
    // "released by the European Union Agency for Asylum, or EUAA, on Monday": a short
    // appositive between commas right before the day is left out.
    let trimmed = before.trim_end();
    let on = trimmed
        .strip_suffix("on")
        .filter(|rest| rest.ends_with(' '));
    if let Some(head) = on.unwrap_or(trimmed).trim_end().strip_suffix(',') {
        if let Some(open) = head.rfind([',', '.', ';', ':']) {
            let short = head[open + 1..].split_whitespace().count() <= MAX_APPOSITIVE_WORDS;
            if short && head.as_bytes()[open] == b',' {
                before = format!("{} on ", &head[..open]);
            }
        }
    }
    // Back to the clause's start: a comma or full stop ends the search.
    let mut clause = before
        .rfind([',', '.', ';', ':'])
        .map_or(before.as_str(), |at| &before[at + 1..]);
    // "released on Wednesday, the 28th of February": a weekday and its date are one phrase
    // (only "the" and "of" between; "on Thursday, there were 46 million … as of November 1" is
    // another clause).
    /// Words between a weekday's comma and its date ("the 28th of").
    const MAX_WEEKDAY_DATE_WORDS: usize = 3;
    let clause_start = before.len() - clause.len();
    let date_follows = clause.split_whitespace().count() <= MAX_WEEKDAY_DATE_WORDS;
    if let Some(head) = before[..clause_start]
        .strip_suffix(',')
        .filter(|_| date_follows)
    {
        let weekday = head
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|word| WEEKDAYS.contains(&word));
        if weekday {
            clause = head
                .rfind([',', '.', ';', ':'])
                .map_or(head, |at| &head[at + 1..]);
        }
    }
    let mut words = clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .rev();
    let mut first = words.next().unwrap_or("");
    // "released by the agency on Wednesday, the 28th": the weekday and "on" lead to the verb.
    if WEEKDAYS.contains(&first) {
        first = words.next().unwrap_or("");
    }
    if first == "on" {
        first = words.next().unwrap_or("");
    }
    if VERBS.contains(&first) {
        return true;
    }
    // "reported by <the outlet> on Saturday", "formally added to the Federal Register on
    // Friday": the verb, its agent after "by" or where it was put after "to" or "in", no number
    // between (in "reported 1,200 arrests on Monday" the day may be the arrests').
    let mut gap: Vec<&str> = std::iter::once(first)
        .chain(words)
        .take(MAX_GAP + 2)
        .collect();
    gap.reverse();
    // "…, said the report on Wednesday": a clause that opens on the verb, its subject after it,
    // is the reporting clause, so the day is the report's.
    /// Words of an inverted subject between the verb and the day ("the UN refugee agency").
    const MAX_INVERTED_SUBJECT: usize = 4;
    let opens_on_verb = clause
        .split(|c: char| !c.is_alphanumeric())
        .find(|word| !word.is_empty())
        .is_some_and(|word| VERBS.contains(&word));
    // "According to the interior ministry's analysis of data from Statistics Korea on
    // Thursday": a release noun and its source, no number between, name the release the day
    // dates.
    const RELEASE_NOUNS: &[&str] = &[
        "data",
        "figures",
        "statistics",
        "report",
        "analysis",
        "statement",
        "release",
        "estimates",
    ];
    let numbered = |words: &[&str]| {
        words
            .iter()
            .any(|word| word.chars().any(|c| c.is_ascii_digit()))
    };
    let released = gap.iter().enumerate().any(|(noun, word)| {
        let after = &gap[noun + 1..];
        RELEASE_NOUNS.contains(word)
            && matches!(after.first(), Some(&("from" | "by")))
            && !numbered(after)
    });
    if released {
        return true;
    }
    gap.iter()
        .position(|word| VERBS.contains(word))
        .is_some_and(|verb| {
            let after = &gap[verb + 1..];
            let inverted = opens_on_verb
                && gap[..verb].is_empty()
                && (1..=MAX_INVERTED_SUBJECT).contains(&after.len());
            (matches!(after.first(), Some(&("by" | "to" | "in"))) || inverted) && !numbered(after)
        })
}

/// Words that make a following "from <period>" the start of a change.
const CHANGE_WORDS: &[&str] = &[
    "increase",
    "increased",
    "increases",
    "decrease",
    "decreased",
    "rise",
    "rose",
    "risen",
    "drop",
    "dropped",
    "fell",
    "fall",
    "fallen",
    "up",
    "down",
    "jump",
    "jumped",
    "growth",
    "grew",
    "decline",
    "declined",
    "climbed",
    "surged",
    "surge",
    "plunged",
    "plummeted",
    "doubled",
    "tripled",
    "percent",
    "cent",
    "%",
];

/// A year that dates a citation or names a title, not a period: "accessed February 18, 2019",
/// "World Migration Report 2013", "report.pdf (2019)".
fn citation(text: &str, span: Span) -> bool {
    const CUES: &[&str] = &[
        "in",
        "by",
        "during",
        "since",
        "from",
        "between",
        "through",
        "until",
        "to",
        "of",
        "for",
        "and",
        "or",
        "the",
        "early",
        "late",
        "mid",
        "end",
        "before",
        "after",
        "than",
        "as",
        "year",
        "fiscal",
        "calendar",
        "all",
        "entire",
        "whole",
        "over",
        "throughout",
        "at",
        "on",
        "with",
        "against",
        "versus",
        "vs",
        "around",
        "about",
        "nearly",
        "into",
        // Spanish: "En 2021", "Durante 2023".
        "en",
        "durante",
        "desde",
        "de",
        "del",
        "el",
        "entre",
        "hasta",
        "y",
        "o",
        "año",
        "para",
        "a",
        "al",
        "tras",
        "antes",
        "con",
        "contra",
        "todo",
    ];
    // An access date ("accessed February 18, 2019") is `citation_date`'s, for every kind.
    let before = &text[..span.start];
    if text[span.end..].starts_with(".pdf") || citation_date(text, span) {
        return true;
    }
    let previous = before
        .trim_end()
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("");
    previous.chars().next().is_some_and(char::is_uppercase)
        && !CUES.contains(&previous.to_lowercase().as_str())
}

/// A date that dates a citation glued into the sentence (a footnote's text): after "accessed", or
/// right after a quoted title (`“Population Growth in Mexico,”August 7, 2018`).
fn citation_date(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end();
    let near_start = before.char_indices().rev().nth(40).map_or(0, |(at, _)| at);
    let after_title = [",”", ",\"", ".”", "”,"]
        .iter()
        .any(|end| before.ends_with(end));
    after_title || before[near_start..].to_lowercase().contains("accessed")
}

/// A whole year or fiscal year that had not ended when the document was published.
fn ongoing(period: &Period, anchor: Option<Month>) -> bool {
    !period.relative
        && !period.partial
        && matches!(
            period.granularity,
            super::Granularity::Year | super::Granularity::FiscalYear
        )
        && anchor.is_some_and(|anchor| anchor >= period.start && anchor < period.end)
}

/// The words before a year name a release of data: "statistics for", "figures for"
/// (`release_nouns`).
fn labels_a_release(before: &str, rules: &BindRules) -> bool {
    let mut words = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .rev();
    words
        .next()
        .is_some_and(|word| word.eq_ignore_ascii_case("for"))
        && words.next().is_some_and(|word| {
            rules
                .release_nouns
                .iter()
                .any(|noun| word.eq_ignore_ascii_case(noun))
        })
}

/// The sentence forecasts ("will reach", "expected to", "projected") or sets a plan ("a cap of
/// up to 125,000 refugees for the fiscal year 2025", "a target", "a quota"): its years are whole.
pub(super) fn projection(lower: &str) -> bool {
    const WORDS: &[&str] = &[
        "cap",
        "ceiling",
        "target",
        "targets",
        "goal",
        "quota",
        "planned",
        "will",
        "expected",
        "expects",
        "projected",
        "projects",
        "projection",
        "forecast",
        "forecasts",
        "predicted",
        "predicts",
        "estimated to reach",
        "on track",
        "ambition",
        "aim to",
        "aims to",
        "pledged to",
        "promised to",
        "could",
        "would",
    ];
    // Phrases of several words ("aims to", "on track") are matched word by word.
    let words: Vec<&str> = lower
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    WORDS.iter().any(|phrase| {
        let phrase: Vec<&str> = phrase.split(' ').collect();
        words
            .windows(phrase.len())
            .any(|window| window == phrase.as_slice())
    })
}

/// A phrase must not sit inside a number ("2,022", "12.2023") or a word.
fn clean_edges(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let glued = |ch: Option<char>| ch.is_some_and(|ch| ch.is_alphanumeric());
    let numeric_join = |ch: Option<char>, next: Option<char>| {
        matches!(ch, Some(',' | '.' | '$' | '€' | '£')) && next.is_some_and(|n| n.is_ascii_digit())
    };
    let before2 = text[..span.start].chars().rev().nth(1);
    let number_before =
        matches!(before, Some(',' | '.')) && before2.is_some_and(|c| c.is_ascii_digit());
    // "months.2" ends a sentence at a footnote marker; "2023.5" or "1,2023" is one number.
    let ends_in_digit = text[..span.end]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    !(glued(before)
        || glued(after)
        || number_before
        || numeric_join(before, text[span.start..].chars().next())
        || (ends_in_digit && numeric_join(after, text[span.end..].chars().nth(1))))
}

/// "so far in" before or "so far", "to date", "alone" after make the phrase partial; the span
/// grows to take them.
fn widen_partial(text: &str, span: Span, rules: &BindRules) -> (Span, bool) {
    let mut span = span;
    let mut partial = false;
    let before = text[..span.start].to_lowercase();
    for cue in &rules.partial_before {
        if let Some(stripped) = before.trim_end().strip_suffix(cue.as_str()) {
            if stripped.is_empty() || stripped.ends_with(|c: char| !c.is_alphanumeric()) {
                span.start = stripped.len();
                partial = true;
                break;
            }
        }
    }
    let after = text[span.end..].to_lowercase();
    let trimmed = after.trim_start_matches([' ', ',']);
    for cue in &rules.partial_after {
        if let Some(rest) = trimmed.strip_prefix(cue.as_str()) {
            if rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()) {
                span.end += after.len() - rest.len();
                partial = true;
                break;
            }
        }
    }
    (span, partial)
}

fn has_word(lower: &str, word: &str) -> bool {
    lower.split(|c: char| !c.is_alphanumeric()).any(|token| {
        token == word
            || (token.starts_with(word)
                && token[word.len()..].chars().all(|c| c.is_ascii_digit())
                && token.len() > word.len())
    })
}

fn number_word(word: &str) -> Option<u32> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    const PALABRAS: [&str; 12] = [
        "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
        "doce",
    ];
    let lower = word.to_lowercase();
    lower.parse().ok().or_else(|| {
        WORDS
            .iter()
            .position(|w| *w == lower)
            .or_else(|| PALABRAS.iter().position(|w| *w == lower))
            .and_then(|idx| u32::try_from(idx + 1).ok())
    })
}

/// A count written before a unit of time: "a" is one, else [`number_word`] ("two", "12").
fn count_word(word: &str) -> Option<u32> {
    if word == "a" {
        Some(1)
    } else {
        number_word(word)
    }
}

/// January = 1 … December = 12.
pub(super) fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const MESES: [&str; 13] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "setiembre",
    ];
    let lower = word.to_lowercase();
    if let Some(idx) = MESES.iter().position(|name| *name == lower) {
        // "setiembre" is September.
        let month = if idx == 12 { 9 } else { idx + 1 };
        return u32::try_from(month).ok();
    }
    let key = lower.get(..3)?;
    MONTHS
        .iter()
        .position(|m| *m == key)
        .and_then(|idx| u32::try_from(idx + 1).ok())
}

/// "23" → 2023, "07" → 2007, "99" → 1999; four digits as written.
fn year_of(digits: &str) -> Option<i32> {
    let value: i32 = digits.parse().ok()?;
    Some(match digits.len() {
        2 if value >= 50 => 1900 + value,
        2 => 2000 + value,
        _ => value,
    })
}

fn cap<'t>(caps: &Captures<'t>, idx: usize) -> Option<&'t str> {
    caps.get(idx).map(|m| m.as_str())
}

/// "Over eleven months" written in December, "in five months" written in May or June: the first
/// months of the publication's year, a part of it; any other count of months is no period (a
/// span of that length, anywhere).
fn months_of_the_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let anchor = ctx.anchor?;
    let count = number_word(cap(caps, 1)?)?;
    let so_far = anchor.month();
    if count == 0 || count >= 12 || !(count == so_far || count + 1 == so_far) {
        return None;
    }
    let mut period = Period::calendar_year(anchor.year()).first_months(count);
    period.relative = true;
    Some(period)
}

fn first_months(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    // "the first month of the year" counts one.
    let count = match cap(caps, 1) {
        Some(word) => number_word(word)?,
        None => 1,
    };
    let whole = caps.get(0)?.as_str().to_lowercase();
    let half = whole.contains("half");
    let unit = cap(caps, 2)?.to_lowercase();
    // Days and weeks round up to the months they reach into ("the first 31 days" is January).
    let count = match unit.trim_end_matches('s') {
        "day" => count.div_ceil(31),
        "week" => (count * 7).div_ceil(31),
        _ => count,
    };
    // "the first 27 days of December", "the first 15 days of this month": a part of that month
    // (of the publication's for "this month").
    let this_month = cap(caps, 9).is_some();
    let named_month = cap(caps, 7).and_then(month_number);
    if this_month || named_month.is_some() {
        let at = match (named_month, cap(caps, 8).and_then(year_of)) {
            (Some(month), Some(year)) => Month::new(year, month),
            (Some(month), None) => ctx.anchor?.latest(month),
            (None, _) => ctx.anchor?,
        };
        let mut period = Period::month(at);
        period.relative = this_month;
        if !unit.starts_with("month") {
            period.partial = true;
            period.part_of = Some(at.to_string());
        }
        return Some(period);
    }
    let months = if half { count + 1 } else { count };
    let fiscal = match cap(caps, 3) {
        Some(kind) => {
            let kind = kind.to_lowercase();
            kind.starts_with("fiscal") || kind == "fy"
        }
        None => ctx.fiscal_sentence,
    };
    let year = cap(caps, 4).or_else(|| cap(caps, 6)).and_then(year_of);
    // "the first two months of the current Fiscal Year 2023/24": a year written across two
    // starts in its first year, in the month the document's country starts its year in.
    let split_start = cap(caps, 5)
        .and_then(|second| second.parse::<i32>().ok())
        .zip(year)
        .filter(|(second, first)| (first + 1) % 100 == *second)
        .and(ctx.split_year_start);
    let base = match year {
        Some(year) if let Some(start) = split_start => Period::fiscal_year(year + 1, start),
        Some(year) if fiscal => Period::fiscal_year(year, ctx.fiscal_start),
        Some(year) => Period::calendar_year(year),
        None => {
            let anchor = ctx.anchor?;
            if fiscal {
                Period::fiscal_year(anchor.fiscal_year(ctx.fiscal_start), ctx.fiscal_start)
            } else {
                Period::calendar_year(anchor.year())
            }
        }
    };
    let months = months.clamp(1, 12);
    let mut period = base.first_months(months);
    // "the first 11 months of the fiscal year" written on October 1: a part that ends after
    // the publication is the last year's.
    if year.is_none() && ctx.anchor.is_some_and(|anchor| period.end > anchor) {
        let text = std::mem::take(&mut period.text);
        period = base.shifted(-12).first_months(months);
        period.text = text;
    }
    period.approximate_end = half;
    Some(period)
}

/// Quarter `number` (1–4) of the calendar year `year`, or of the fiscal year when `fiscal`:
/// three months, a part of the year.
fn quarter_of(number: u32, year: Option<i32>, fiscal: bool, ctx: &Ctx) -> Option<Period> {
    part_of_year(number, 3, year, fiscal, ctx)
}

/// "the first half of 2023": six months, a part of the (fiscal) year.
fn half(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    named_part(caps, ctx, 6)
}

/// "the third quarter of 2025", "the fiscal year's first quarter".
fn quarter(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    named_part(caps, ctx, 3)
}

/// A part of `months` months named by its ordinal (capture 2: "first" … "fourth", "final"), of
/// the (fiscal, captures 1 or 3) year of capture 4.
fn named_part(caps: &Captures, ctx: &Ctx, months: i32) -> Option<Period> {
    let parts = u32::try_from(12 / months).ok()?;
    let number = match cap(caps, 2)?.to_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "final" => parts,
        // "the last quarter of 2023"; "last quarter" alone is the one before the publication.
        "last" if cap(caps, 4).is_some() || cap(caps, 3).is_some() => parts,
        _ => return None,
    };
    if number > parts {
        return None;
    }
    let kind = cap(caps, 1)
        .or_else(|| cap(caps, 3))
        .map(str::to_lowercase)
        .unwrap_or_default();
    let fiscal = kind.starts_with("fiscal") || kind == "fy";
    part_of_year(number, months, cap(caps, 4).and_then(year_of), fiscal, ctx)
}

/// Part `number` of a year cut into parts of `months` months: the given year's, else the
/// latest such part that had begun when the article was written.
fn part_of_year(
    number: u32,
    months: i32,
    year: Option<i32>,
    fiscal: bool,
    ctx: &Ctx,
) -> Option<Period> {
    let fiscal_start = ctx.fiscal_start;
    let whole = match year {
        Some(year) if fiscal => Period::fiscal_year(year, fiscal_start),
        Some(year) => Period::calendar_year(year),
        None => {
            // The latest such part that had begun when the article was written.
            let anchor = ctx.anchor?;
            let this = if fiscal {
                Period::fiscal_year(anchor.fiscal_year(fiscal_start), fiscal_start)
            } else {
                Period::calendar_year(anchor.year())
            };
            let start = this.start.plus(months * (i32::try_from(number).ok()? - 1));
            if start > anchor {
                this.shifted(-12)
            } else {
                this
            }
        }
    };
    let offset = months * (i32::try_from(number).ok()? - 1);
    let start = whole.start.plus(offset);
    Some(
        Period {
            partial: true,
            part_of: Some(whole.name()),
            ..Period::span(start, start.plus(months - 1))
        }
        .with_fiscal(whole.fiscal),
    )
}

fn quarter_code(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let (number, year) = match (cap(caps, 1), cap(caps, 5)) {
        (Some(number), _) => (number, cap(caps, 3)),
        (None, Some(number)) => (number, cap(caps, 4)),
        _ => return None,
    };
    let fiscal = caps.get(2).is_some();
    quarter_of(number.parse().ok()?, year.and_then(year_of), fiscal, ctx)
}

fn year_ending(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let month = month_number(cap(caps, 2)?)?;
    let end = match cap(caps, 3).and_then(year_of) {
        Some(year) => Month::new(year, month),
        None => ctx.anchor?.latest(month),
    };
    let fiscal_words = caps.get(1).is_some();
    let fiscal_start = ctx.fiscal_start;
    if fiscal_words && end.plus(1).month() == fiscal_start {
        return Some(Period::fiscal_year(
            end.fiscal_year(fiscal_start),
            fiscal_start,
        ));
    }
    let mut period = Period::span(end.plus(-11), end);
    period.fiscal = fiscal_words;
    Some(period)
}

/// The first year of "2022-23" (captures 1 and 2) when the second is the year after it.
fn consecutive_years(caps: &Captures) -> Option<i32> {
    let first = year_of(cap(caps, 1)?)?;
    let second: i32 = cap(caps, 2)?.parse().ok()?;
    let follows = if second >= 100 {
        first + 1 == second
    } else {
        (first + 1) % 100 == second
    };
    follows.then_some(first)
}

/// "Overseas migration added 446,000 people in the 2023-24 financial year, compared to 536,000
/// people in 2022-2023": two consecutive years written in full beside a year written across two
/// that starts in another month than January are that kind of year too, not two calendar years.
pub fn split_years_written_in_full(found: &mut [Found], text: &str) {
    static FULL: OnceLock<Regex> = OnceLock::new();
    let full = FULL
        .get_or_init(|| crate::util::static_regex(r"((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)$"));
    let Some(start_month) = found
        .iter()
        .filter(|other| other.period.granularity == super::Granularity::FiscalYear)
        .filter(|other| {
            text.get(other.span.start..other.span.end)
                .is_some_and(|phrase| phrase.contains(['-', '–', '/']))
        })
        .map(|other| other.period.start.month())
        .find(|month| *month != 1)
    else {
        return;
    };
    for other in found.iter_mut() {
        let Some(phrase) = text.get(other.span.start..other.span.end) else {
            continue;
        };
        let Some(caps) = full.captures(phrase.trim_end()) else {
            continue;
        };
        let (Some(first), Some(second)) = (year_of(&caps[1]), year_of(&caps[2])) else {
            continue;
        };
        if second == first + 1 && other.period.granularity != super::Granularity::FiscalYear {
            let text = std::mem::take(&mut other.period.text);
            other.period = Period::fiscal_year(second, start_month);
            other.period.text = text;
        }
    }
}

/// "2022-23": the year of capture 1 and the next (capture 2, its last two digits), from the
/// month the document's country starts its year in, else, for a fiscal or budget year (capture
/// 3), from the fiscal year's start month; no period when neither is known.
fn split_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let first = consecutive_years(caps)?;
    let start = ctx.split_year_start.or_else(|| {
        let fiscal = cap(caps, 3).is_some_and(|word| !word.eq_ignore_ascii_case("financial"));
        fiscal.then_some(ctx.fiscal_start)
    })?;
    Some(Period::fiscal_year(first + 1, start))
}

/// A school year written across two years: September of the first to August of the second.
fn academic_year(caps: &Captures, _: &Ctx) -> Option<Period> {
    /// The month a school year starts in (the northern hemisphere's; a southern one runs with
    /// the calendar year and is written as one).
    const SCHOOL_YEAR_START: u32 = 9;
    let first = consecutive_years(caps)?;
    let start = Month::new(first, SCHOOL_YEAR_START);
    Some(Period::span(start, start.plus(11)))
}

/// "the current financial year" (capture 1: current, this, last, previous, next) in a document
/// whose country's financial year is known; none otherwise.
fn relative_financial_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let start = ctx.split_year_start?;
    let anchor = ctx.anchor?;
    let current = Period::fiscal_year(anchor.fiscal_year(start), start);
    let shift = match cap(caps, 1)?.to_lowercase().as_str() {
        "last" | "previous" => -12,
        "next" => 12,
        _ => 0,
    };
    let mut period = if shift == 0 {
        current
    } else {
        current.shifted(shift)
    };
    period.relative = true;
    Some(period)
}

/// "the three months to June 30": capture 1 months ending with the month of capture 2, in the
/// year of capture 3 or the latest such month by the publication date.
fn months_ending(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let count = i32::try_from(number_word(cap(caps, 1)?)?).ok()?;
    let month = month_number(cap(caps, 2)?)?;
    let end = match cap(caps, 3).and_then(year_of) {
        Some(year) => Month::new(year, month),
        None => ctx.anchor?.latest(month),
    };
    if !(1..12).contains(&count) {
        return None;
    }
    // Within one calendar year, a part of it ("the three months to June 30" is 2024's second
    // quarter).
    let start = end.plus(1 - count);
    let within_a_year = start.year() == end.year();
    Some(Period {
        partial: within_a_year,
        part_of: within_a_year.then(|| Period::calendar_year(end.year()).name()),
        ..Period::span(start, end)
    })
}

/// "the March quarter": the quarter ending with the month of capture 1, of the year of capture
/// 2, of the year before the publication's for "last year" (capture 3), else the latest such
/// quarter begun by the publication date; a part of its calendar year like "the first quarter".
fn month_quarter(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let month = month_number(cap(caps, 1)?)?;
    if month % 3 != 0 {
        return None;
    }
    let year = match (cap(caps, 2).and_then(year_of), cap(caps, 3)) {
        (Some(year), _) => Some(year),
        (None, Some(last)) if last.eq_ignore_ascii_case("last") => Some(ctx.anchor?.year() - 1),
        (None, Some(_)) => Some(ctx.anchor?.year()),
        (None, None) => None,
    };
    part_of_year(month / 3, 3, year, false, ctx)
}

fn year_between(caps: &Captures, _: &Ctx) -> Option<Period> {
    let start = Month::new(year_of(cap(caps, 2)?)?, month_number(cap(caps, 1)?)?);
    let end = Month::new(year_of(cap(caps, 4)?)?, month_number(cap(caps, 3)?)?);
    if start.plus(12) == end {
        return Some(Period::span(end.plus(-11), end));
    }
    (start <= end).then(|| Period::span(start, end))
}

fn month_year(caps: &Captures, _: &Ctx) -> Option<Period> {
    let end = Month::new(year_of(cap(caps, 3)?)?, month_number(cap(caps, 2)?)?);
    Some(Period::span(end.plus(-11), end))
}

fn month_years(caps: &Captures, _: &Ctx) -> Option<Period> {
    let month = month_number(cap(caps, 1)?)?;
    let first = Month::new(year_of(cap(caps, 2)?)?, month);
    let last = Month::new(year_of(cap(caps, 3)?)?, month);
    (first <= last).then(|| Period::span(first.plus(-11), last))
}

/// "the same period of 2023" with no other period in its sentence: the part of that year the
/// publication date's year has reached.
fn same_period_of_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let year: i32 = caps.get(2)?.as_str().parse().ok()?;
    let anchor = ctx.anchor?;
    let this = Period::calendar_year(anchor.year());
    let mut period = this
        .so_far(Some(anchor))
        .shifted((year - anchor.year()) * 12);
    period.relative = true;
    Some(period)
}

/// A bare "in the same period": a placeholder until `same_span_in_named_year` knows the span the
/// passage is about.
fn same_span_placeholder(_caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let mut period = Period::point(ctx.anchor?);
    period.relative = true;
    Some(period)
}

fn same_period_last_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let fiscal = caps.get(1).is_some() || ctx.fiscal_sentence;
    let anchor = ctx.anchor?;
    let this = if fiscal {
        Period::fiscal_year(anchor.fiscal_year(ctx.fiscal_start), ctx.fiscal_start)
    } else {
        Period::calendar_year(anchor.year())
    };
    let mut period = this.so_far(Some(anchor)).shifted(-12);
    period.relative = true;
    Some(period)
}

fn this_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let anchor = ctx.anchor?;
    let period = if caps.get(1).is_some() {
        Period::fiscal_year(anchor.fiscal_year(ctx.fiscal_start), ctx.fiscal_start)
    } else {
        Period::calendar_year(anchor.year())
    };
    // "so far this year" in the year's last month is still a part of it, and so is a "this
    // year" that a perfect tense counts up to now ("70,000 have been intercepted this year").
    let so_far = ctx.to_date
        || caps.get(0).is_some_and(|whole| {
            let lower = whole.as_str().to_lowercase();
            ["so far", "thus far", "to date", "since the"]
                .iter()
                .any(|cue| lower.contains(cue))
        });
    if so_far && anchor == period.end && !ctx.projection {
        let mut running = period.so_far(Some(anchor.plus(-1)));
        running.end = anchor;
        return Some(running);
    }
    running_year(period, ctx)
}

/// A (fiscal) year the text names relative to the publication: a year that has not ended when
/// the article was written is only a part of it, unless the sentence forecasts its whole
/// ("could reach half a million this year").
fn running_year(period: Period, ctx: &Ctx) -> Option<Period> {
    let anchor = ctx.anchor?;
    let mut period = if anchor < period.end && !ctx.projection {
        period.so_far(Some(anchor))
    } else {
        period
    };
    period.relative = true;
    Some(period)
}

/// "between the beginning of 2023 and July 31": January of the year (capture 1, else the
/// publication's) to the month of capture 2 (of the year of capture 3 when written), a part of
/// that year.
fn from_year_start(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let year = match cap(caps, 1).or_else(|| cap(caps, 3)) {
        Some(year) => year_of(year)?,
        None => ctx.anchor?.year(),
    };
    let end = Month::new(year, month_number(cap(caps, 2)?)?);
    let start = Month::new(year, 1);
    if ctx.anchor.is_some_and(|anchor| end > anchor) {
        return None;
    }
    let mut period = Period::span(start, end);
    if end.month() < 12 {
        period.partial = true;
        period.part_of = Some(year.to_string());
    }
    Some(period)
}

/// "at the start of the year", "at the beginning of 2023": January of that year (capture 1,
/// else the publication's).
fn year_start(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let year = match cap(caps, 1) {
        Some(year) => year_of(year)?,
        None => ctx.anchor?.year(),
    };
    Some(Period::point(Month::new(year, 1)))
}

fn year_to_date(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    this_year(caps, ctx)
}

fn last_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let anchor = ctx.anchor?;
    let mut period = if caps.get(1).is_some() || ctx.fiscal_sentence {
        let start = ctx.fiscal_start;
        Period::fiscal_year(anchor.fiscal_year(start) - 1, start)
    } else {
        Period::calendar_year(anchor.year() - 1)
    };
    period.relative = true;
    Some(period)
}

fn month_of_relative_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    if caps.get(1).is_some() || caps.get(0)?.as_str().starts_with(['-', '–']) {
        return None;
    }
    let month = month_number(cap(caps, 2)?)?;
    let shift = match cap(caps, 3)?.to_lowercase().as_str() {
        "this" => 0,
        "next" => 1,
        // "last", and "the previous year" before the sentence names a year
        // (`previous_of_the_sentence`).
        _ => -1,
    };
    let mut period = Period::month(Month::new(ctx.anchor?.year() + shift, month));
    period.relative = true;
    Some(period)
}

fn a_year_or_month_before(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let months = months_back(caps.get(0)?.as_str())?;
    let anchor = ctx.anchor?;
    let mut period = if months % 12 == 0 {
        Period::calendar_year(anchor.year() - months / 12)
    } else {
        Period::month(anchor.plus(-months))
    };
    period.relative = true;
    Some(period)
}

/// How many months back a found phrase naming the period before another one reaches (see
/// [`months_back`]).
pub(super) fn months_before(found: &Found) -> Option<i32> {
    months_back(&found.period.text)
}

/// How many months back a phrase naming the period before another one reaches: 12 for "the
/// previous year", "a year earlier", "the year before", "the previous 12 months", 24 for "two
/// years prior"; 1 for "the
/// previous month", "a month ago"; none for any other phrase ("last year" is the publication's
/// year before).
fn months_back(phrase: &str) -> Option<i32> {
    let lower = phrase.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let (count, unit) = match words.as_slice() {
        ["the", unit, "before" | "prior"] | ["the", "previous" | "prior" | "preceding", unit] => {
            (1, *unit)
        }
        // "el año anterior", "al mes previo".
        ["el" | "al" | "del", unit, "anterior" | "previo" | "precedente"] => (1, *unit),
        // "the previous 12 months": as many months before.
        // "February of the previous year": that month of the year before.
        [month, "of", "the", "previous" | "prior" | "preceding", "year"]
            if month_number(month).is_some() =>
        {
            (1, "year")
        }
        ["the", "previous" | "prior" | "preceding", count, unit] => {
            (i32::try_from(number_word(count)?).ok()?, *unit)
        }
        [count, unit, "earlier" | "before" | "ago" | "prior"] => {
            (i32::try_from(count_word(count)?).ok()?, *unit)
        }
        _ => return None,
    };
    match unit {
        "year" | "years" | "año" | "años" => Some(12 * count),
        "month" | "months" | "mes" | "meses" => Some(count),
        _ => None,
    }
}

/// "56,852 in 2023, an 82.1 per cent surge from a year earlier", "up 18% in 2023 compared to the
/// previous year": the base of a change written as "the previous year" or "a year earlier" is
/// the period before the one the sentence names (the nearest before it, else after it), else
/// before the passage's (`carried`, when that one is named); a month phrase only before a named
/// month. With neither, it stays relative to the publication date. A day named in between dates
/// an event, so the period that opens the sentence comes first then ("On August 31, 2024, nearly
/// 4.2 million …, who fled … on February 24, 2022, …, compared to 4.1 million a month earlier").
pub fn previous_of_the_sentence(found: &mut [Found], carried: Option<&Period>, sentence: &str) {
    /// Words before a period phrase that still open the sentence ("On", "As of").
    const OPENING_WORDS: usize = 2;
    let named: Vec<(Span, Period)> = found
        .iter()
        .filter(|other| !other.base && !repeats_a_period(other) && months_before(other).is_none())
        .map(|other| (other.span, other.period.clone()))
        .collect();
    let opening = named.iter().find(|(span, _)| {
        sentence
            .get(..span.start)
            .is_some_and(|lead| lead.split_whitespace().count() <= OPENING_WORDS)
    });
    // Not a base: "13 percent in 2017, down from 20 percent two years prior" dates the level
    // two years before the sentence's period too; "two years ago" counts from the publication.
    let relative_to_the_sentence =
        |found: &Found| found.base || !found.period.text.to_lowercase().ends_with("ago");
    for before in found
        .iter_mut()
        .filter(|found| relative_to_the_sentence(found))
    {
        let Some(months) = months_before(before) else {
            continue;
        };
        let nearest = named.iter().min_by_key(|(span, _)| {
            (
                span.start > before.span.start,
                span.start.abs_diff(before.span.start),
            )
        });
        // A day named in between dates an event ("who fled … on February 24, 2022").
        let event_day = nearest.is_some_and(|(span, period)| {
            names_a_day(&period.text) && opening.is_some_and(|(first, _)| first != span)
        });
        let nearest = if event_day {
            opening.filter(|(span, _)| span.start < before.span.start)
        } else {
            nearest
        }
        .map(|(_, period)| period)
        .or(carried);
        let Some(period) = nearest else {
            continue;
        };
        if months % 12 != 0 && period.granularity != super::Granularity::Month {
            continue;
        }
        let text = std::mem::take(&mut before.period.text);
        // "from February of the previous year": the month it names, in the year before the
        // named period's end.
        let month = text
            .split_whitespace()
            .next()
            .filter(|_| before.period.granularity == super::Granularity::Month)
            .and_then(month_number);
        before.period = match month {
            Some(month) => Period::month(Month::new(period.end.year() - 1, month)),
            None => period.shifted(-months),
        };
        before.period.relative = false;
        before.period.text = text;
    }
}

fn last_month(_: &Captures, ctx: &Ctx) -> Option<Period> {
    let month = ctx.anchor?.plus(-1);
    let mut period = Period::month(month);
    period.relative = true;
    Some(period)
}

fn this_month(_: &Captures, ctx: &Ctx) -> Option<Period> {
    let anchor = ctx.anchor?;
    let mut period = Period::month(anchor);
    period.partial = true;
    period.part_of = Some(anchor.to_string());
    period.relative = true;
    period.approximate_end = true;
    Some(period)
}

/// A placeholder for "that year": the publication's, until `resolve_that_year` puts the year
/// the text named before.
fn that_year(_caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let mut period = Period::calendar_year(ctx.anchor?.year());
    period.relative = true;
    Some(period)
}

/// A placeholder for "that day": the publication's month, until `resolve_that_day` puts the
/// month of a day the text named before.
fn that_day(_caps: &Captures, ctx: &Ctx) -> Option<Period> {
    Some(day_of(Period::month(ctx.anchor?)))
}

/// A day of `month`: a part of it.
fn day_of(month: Period) -> Period {
    let mut period = month;
    period.partial = true;
    period.part_of = Some(period.name());
    period.relative = true;
    period
}

/// Whether a found phrase is "that day" / "the same day".
fn is_that_day(found: &Found) -> bool {
    says_that_day(&found.period.text)
}

/// "that day", "the same day".
fn says_that_day(phrase: &str) -> bool {
    let lower = phrase.to_lowercase();
    matches!(
        lower.split_whitespace().collect::<Vec<_>>().as_slice(),
        ["that", "day"] | ["the", "same", "day"]
    )
}

/// Whether a found phrase is "that year" / "the same year" / "five years later".
fn is_that_year(found: &Found) -> bool {
    years_after_named(found).is_some()
}

/// How many years after the year named before a found phrase is: 0 for "that year" and "the
/// same year", 5 for "five years later"; none for any other phrase.
fn years_after_named(found: &Found) -> Option<i32> {
    let lower = found.period.text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["that", "year"] | ["the", "same", "year"] => Some(0),
        [count, "year" | "years", "later"] => i32::try_from(count_word(count)?).ok(),
        _ => None,
    }
}

/// The period named nearest before `at` among `named`, else `carried`.
fn nearest_before<'p>(
    named: &'p [(Span, Period)],
    at: Span,
    carried: Option<&'p Period>,
) -> Option<&'p Period> {
    named
        .iter()
        .filter(|(span, _)| span.end <= at.start)
        .max_by_key(|(span, _)| span.end)
        .map(|(_, period)| period)
        .or(carried)
}

/// "On August 17, … ¶ 492 migrants crossed in nine boats that day": each "that day" is a day of
/// the month named nearest before it (in its sentence, else `carried`), when that was one month;
/// else it stays the publication's month.
pub fn resolve_that_day(found: &mut [Found], carried: Option<&Period>) {
    if !found.iter().any(is_that_day) {
        return;
    }
    let named: Vec<(Span, Period)> = found
        .iter()
        .filter(|other| !is_that_day(other) && !is_that_year(other))
        .map(|other| (other.span, other.period.clone()))
        .collect();
    for that in found.iter_mut().filter(|found| is_that_day(found)) {
        let before =
            nearest_before(&named, that.span, carried).filter(|period| period.months() == 1);
        if let Some(before) = before {
            let text = std::mem::take(&mut that.period.text);
            that.period = day_of(Period::month(before.end));
            that.period.text = text;
        }
    }
}

/// "In 2021 …; that year" or "… in the same period of 2021. That year, 133,000 passed": each
/// "that year" becomes the (fiscal) year of the nearest period named before it in its sentence,
/// else of `carried` (the last the document named); with neither, it dates nothing.
pub fn resolve_that_year(found: &mut Vec<Found>, carried: Option<&Period>, fiscal_start: u32) {
    if !found.iter().any(is_that_year) {
        return;
    }
    let named: Vec<(Span, Period)> = found
        .iter()
        .filter(|other| !is_that_year(other))
        .map(|other| (other.span, other.period.clone()))
        .collect();
    found.retain_mut(|that| {
        let Some(later) = years_after_named(that) else {
            return true;
        };
        let Some(before) = nearest_before(&named, that.span, carried) else {
            return false;
        };
        let text = std::mem::take(&mut that.period.text);
        that.period = if before.fiscal {
            Period::fiscal_year(before.end.fiscal_year(fiscal_start) + later, fiscal_start)
        } else {
            Period::calendar_year(before.end.year() + later)
        };
        that.period.text = text;
        true
    });
}

fn the_past_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let anchor = ctx.anchor?;
    let months = if cap(caps, 1)?.to_lowercase() == "month" {
        1
    } else {
        12
    };
    let mut period = Period::span(anchor.plus(-months), anchor.plus(-1));
    period.relative = true;
    period.approximate_end = true;
    Some(period)
}

fn past_n(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let count = i32::try_from(number_word(cap(caps, 1)?)?).ok()?;
    let anchor = ctx.anchor?;
    let unit = cap(caps, 2)?.to_lowercase();
    let months = if unit.starts_with("year") || unit.starts_with("año") {
        count * 12
    } else {
        count
    };
    let mut period = Period::span(anchor.plus(-months), anchor.plus(-1));
    period.relative = true;
    period.approximate_end = true;
    Some(period)
}

fn month_range(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    // "between January and May" is a range; "in August and July" names two months, and "in
    // January and February" the two months together: one span only when they follow each other
    // in order, with no day named.
    let first = month_number(cap(caps, 2)?)?;
    let last = month_number(cap(caps, 5)?)?;
    let between = cap(caps, 1).is_some_and(|cue| {
        cue.eq_ignore_ascii_case("between") || cue.eq_ignore_ascii_case("entre")
    });
    let and = cap(caps, 4).is_some_and(|cue| cue.eq_ignore_ascii_case("and") || cue == "y");
    if and && !between {
        // "August 11 and September 2" names two days.
        let names_days = caps
            .get(0)?
            .as_str()
            .split(|ch: char| !ch.is_ascii_alphanumeric())
            .any(is_day);
        if last != first % 12 + 1 || names_days {
            return None;
        }
    }
    let first_year = cap(caps, 3).and_then(year_of);
    let last_year = cap(caps, 6).and_then(year_of);
    let end = match (last_year, first_year) {
        (Some(year), _) => Month::new(year, last),
        (None, Some(year)) if last >= first => Month::new(year, last),
        (None, Some(year)) => Month::new(year + 1, last),
        (None, None) => ctx.anchor?.latest(last),
    };
    let start = match first_year {
        Some(year) => Month::new(year, first),
        None => {
            let mut start = Month::new(end.year(), first);
            if start > end {
                start = Month::new(end.year() - 1, first);
            }
            start
        }
    };
    if start > end {
        return None;
    }
    // "between April 2022 and April 2023": a year written by its two ends, the twelve months to
    // the later one ("from April 2022 to April 2023" may be a change between two months).
    if between && first_year.is_some() && start.plus(12) == end {
        return Some(Period::span(end.plus(-11), end));
    }
    let mut period = Period::span(start, end);
    let fiscal_start = ctx.fiscal_start;
    if ctx.fiscal_sentence && start.month() == fiscal_start {
        let fiscal_year = start.fiscal_year(fiscal_start);
        let whole = Period::fiscal_year(fiscal_year, fiscal_start);
        if end < whole.end {
            period.partial = true;
            period.fiscal = true;
            period.part_of = Some(format!("FY{fiscal_year}"));
        }
    } else if start.month() == 1 && end.year() == start.year() && end.month() < 12 {
        // "between January and May 2024", "from January to the end of October": the first
        // months of a calendar year, a part of it.
        period.partial = true;
        period.part_of = Some(start.year().to_string());
    }
    Some(period)
}

fn fiscal_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let year = year_of(cap(caps, 1)?)?;
    if !(1950..=2100).contains(&year) {
        return None;
    }
    Some(Period::fiscal_year(year, ctx.fiscal_start))
}

/// "FY2024-25": the fiscal year from the month the document's country starts its year in (else
/// the fiscal start month) of the first year to the next.
fn fiscal_split_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let first = year_of(cap(caps, 1)?)?;
    let second = year_of(cap(caps, 2)?)?;
    if second != first + 1 || !(1950..=2100).contains(&first) {
        return None;
    }
    let start = ctx.split_year_start.unwrap_or(ctx.fiscal_start);
    Some(Period::fiscal_year(second, start))
}

fn calendar_year(caps: &Captures, _: &Ctx) -> Option<Period> {
    Some(Period::calendar_year(year_of(cap(caps, 1)?)?))
}

fn since(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let anchor = ctx.anchor?;
    let start = match (cap(caps, 1), cap(caps, 2), cap(caps, 3)) {
        (Some(month), Some(year), _) => Month::new(year_of(year)?, month_number(month)?),
        (Some(month), None, _) => anchor.latest(month_number(month)?),
        // "since the end of 2023", "since late 2023": from its December; "since mid-2023":
        // from its June.
        (None, _, Some(year)) => {
            let whole = caps.get(0)?.as_str().to_lowercase();
            Month::new(year_of(year)?, month_a_year_is_named_from(&whole))
        }
        _ => return None,
    };
    let mut period = to_date(start, anchor)?;
    let fiscal_start = ctx.fiscal_start;
    if start.month() == fiscal_start && ctx.fiscal_sentence {
        period.fiscal = true;
        period.part_of = Some(format!("FY{}", start.fiscal_year(fiscal_start)));
    }
    Some(period)
}

/// The month a year named in a "since" phrase (lowercase) starts a span from: December after
/// "the end of" or "late", June after "mid", else January.
fn month_a_year_is_named_from(phrase: &str) -> u32 {
    if phrase.contains(" end of ") || phrase.contains("late") {
        12
    } else if phrase.contains("mid") {
        6
    } else {
        1
    }
}

/// The span from `start` to the publication month `anchor`, part of the period to date; none
/// when `start` is after it.
fn to_date(start: Month, anchor: Month) -> Option<Period> {
    if start > anchor {
        return None;
    }
    let mut period = Period::span(start, anchor);
    period.partial = true;
    period.approximate_end = true;
    period.relative = true;
    period.part_of = Some("the period to date".into());
    Some(period)
}

fn since_relative(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let anchor = ctx.anchor?;
    let last = |at: usize| cap(caps, at).is_some_and(|word| word.eq_ignore_ascii_case("last"));
    let start = if let Some(month) = cap(caps, 2) {
        Month::new(anchor.year() - i32::from(last(3)), month_number(month)?)
    } else if cap(caps, 5)?.eq_ignore_ascii_case("month") {
        if last(4) {
            anchor.plus(-1)
        } else {
            anchor
        }
    } else {
        // "since the end of last year": from its December; "since mid-last year": its June.
        let whole = caps.get(0)?.as_str().to_lowercase();
        Month::new(
            anchor.year() - i32::from(last(4)),
            month_a_year_is_named_from(&whole),
        )
    };
    to_date(start, anchor)
}

fn through_month(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let month = month_number(cap(caps, 1)?)?;
    let end = match cap(caps, 2).and_then(year_of) {
        Some(year) => Month::new(year, month),
        None => ctx.anchor?.latest(month),
    };
    let fiscal_start = ctx.fiscal_start;
    let whole = if ctx.fiscal_sentence {
        Period::fiscal_year(end.fiscal_year(fiscal_start), fiscal_start)
    } else {
        Period::calendar_year(end.year())
    };
    Some(whole.first_months(u32::try_from(end.index() - whole.start.index() + 1).ok()?))
}

/// "between 2011 and September 2017": January of the first year to the month named.
fn year_to_month(caps: &Captures, _: &Ctx) -> Option<Period> {
    let first = year_of(cap(caps, 1)?)?;
    let month = month_number(cap(caps, 2)?)?;
    let last = year_of(cap(caps, 3)?)?;
    let end = Month::new(last, month);
    (last > first && last - first <= 100).then(|| Period::span(Month::new(first, 1), end))
}

/// "between June 2019 and 2022": the month named to December of the last year.
fn month_to_year(caps: &Captures, _: &Ctx) -> Option<Period> {
    let month = month_number(cap(caps, 1)?)?;
    let first = year_of(cap(caps, 2)?)?;
    let last = year_of(cap(caps, 3)?)?;
    (last > first && last - first <= 100)
        .then(|| Period::span(Month::new(first, month), Month::new(last, 12)))
}

fn year_range(caps: &Captures, _: &Ctx) -> Option<Period> {
    let first = year_of(cap(caps, 1)?)?;
    let second_text = cap(caps, 2)?;
    let second = if second_text.len() == 2 {
        first - first % 100 + year_of(second_text)? % 100
    } else {
        year_of(second_text)?
    };
    if second <= first || second - first > 100 {
        return None;
    }
    let mut period = Period::span(Month::new(first, 1), Month::new(second, 12));
    period.granularity = super::Granularity::Years;
    Some(period)
}

fn decade(caps: &Captures, _: &Ctx) -> Option<Period> {
    let first = year_of(cap(caps, 1)?)?;
    let mut period = Period::span(Month::new(first, 1), Month::new(first + 9, 12));
    period.granularity = super::Granularity::Decade;
    Some(period)
}

fn end_of_year(caps: &Captures, _: &Ctx) -> Option<Period> {
    let year = year_of(cap(caps, 1)?)?;
    Some(Period::point(Month::new(year, 12)))
}

/// "by the end of this year", and "by the end of the year" or "by year's end" in a forecast: the
/// publication's year's end.
fn end_of_this_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let this = caps
        .get(0)?
        .as_str()
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|word| word.eq_ignore_ascii_case("this"));
    if !this && !ctx.projection {
        return None;
    }
    let mut period = Period::point(Month::new(ctx.anchor?.year(), 12));
    period.relative = true;
    Some(period)
}

/// "in January a year earlier": that month of the year before the latest such month.
fn month_a_year_earlier(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let month = month_number(cap(caps, 1)?)?;
    let latest = ctx.anchor?.latest(month);
    let mut period = Period::month(Month::new(latest.year() - 1, month));
    period.relative = true;
    Some(period)
}

fn one_month(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let month = month_number(cap(caps, 1)?)?;
    let whole = caps.get(0)?.as_str().to_lowercase();
    let at = match cap(caps, 2).and_then(year_of) {
        Some(year) => Month::new(year, month),
        None => {
            // A bare month needs a cue ("in April", "as of June"): a capitalised "May" alone is
            // as likely the verb.
            let cued = ["in ", "during ", "as of ", "for ", "by "]
                .iter()
                .any(|cue| whole.starts_with(cue));
            if !cued {
                return None;
            }
            ctx.anchor?.latest(month)
        }
    };
    let mut period = if whole.starts_with("as of ") || whole.starts_with("by ") {
        Period::point(at)
    } else {
        Period::month(at)
    };
    if cap(caps, 2).is_none() {
        period.relative = true;
    }
    Some(period)
}

/// A Spanish month of a year: "junio de 2019" (capture 2 the year), "junio de este año" (the
/// publication's year).
fn mes(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let month = month_number(cap(caps, 1)?)?;
    Some(match cap(caps, 2).and_then(year_of) {
        Some(year) => Period::month(Month::new(year, month)),
        None => {
            let mut period = Period::month(Month::new(ctx.anchor?.year(), month));
            period.relative = true;
            period
        }
    })
}

/// A Spanish month without its year, after a cue ("en junio", capture 1: the latest June) or
/// before "pasado" ("junio pasado", capture 3: the latest before the publication's month).
fn mes_sin_año(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let month = month_number(cap(caps, 2)?)?;
    let anchor = ctx.anchor?;
    let at = if cap(caps, 3).is_some() {
        anchor.plus(-1).latest(month)
    } else if cap(caps, 1).is_some() {
        anchor.latest(month)
    } else {
        return None;
    };
    let mut period = Period::month(at);
    period.relative = true;
    Some(period)
}

/// "el primer semestre de 2025", "el cuarto trimestre": part (capture 1) of the year of capture
/// 3, cut in halves, quarters or thirds (capture 2).
fn parte_del_año(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let months = match cap(caps, 2)?.to_lowercase().as_str() {
        "semestre" => 6,
        "cuatrimestre" => 4,
        _ => 3,
    };
    let parts = u32::try_from(12 / months).ok()?;
    let number = match cap(caps, 1)?.to_lowercase().as_str() {
        "primer" | "primero" => 1,
        "segundo" => 2,
        "tercer" | "tercero" => 3,
        "cuarto" => 4,
        // "el último trimestre de 2023"; "el último trimestre" alone is the one before.
        _ if cap(caps, 3).is_some() => parts,
        _ => return None,
    };
    if number > parts {
        return None;
    }
    let year = match cap(caps, 3).and_then(year_of) {
        Some(year) => Some(year),
        // "del año", "de este año": the publication's.
        None if caps.get(0)?.as_str().to_lowercase().contains("año") => Some(ctx.anchor?.year()),
        None => None,
    };
    part_of_year(number, months, year, false, ctx)
}

/// "en lo que va del año", "este año": the publication's year so far; "en lo que va de 2025"
/// (capture 1): that year's.
fn año_en_curso(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    match cap(caps, 1).and_then(year_of) {
        Some(year) => {
            let mut period = Period::calendar_year(year).so_far(ctx.anchor);
            period.relative = true;
            Some(period)
        }
        None => running_year(Period::calendar_year(ctx.anchor?.year()), ctx),
    }
}

/// "last May" (capture 2 "last" or "past"): the latest May before the publication's month;
/// "this May": the publication year's; "Last May (2022)": the year in brackets (capture 4).
fn last_named_month(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    // "the last September high" is the most recent high of some September, not last September.
    if cap(caps, 1).is_some() {
        return None;
    }
    let month = month_number(cap(caps, 3)?)?;
    if let Some(year) = cap(caps, 4).and_then(year_of) {
        return Some(Period::month(Month::new(year, month)));
    }
    let anchor = ctx.anchor?;
    let at = if cap(caps, 2)?.eq_ignore_ascii_case("this") {
        Month::new(anchor.year(), month)
    } else {
        anchor.plus(-1).latest(month)
    };
    let mut period = Period::month(at);
    period.relative = true;
    Some(period)
}

fn holiday(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let written = caps.get(0)?.as_str();
    let month = if written.starts_with("New") && written.ends_with("Day") {
        1
    } else {
        12
    };
    Some(day_of(Period::month(ctx.anchor?.latest(month))))
}

/// A phrase naming one day by a name, not by its date: a holiday, "that day", "the same day".
/// What a passage goes on about is never such a day.
pub(super) fn names_a_day_by_name(phrase: &str) -> bool {
    static HOLIDAY: OnceLock<Regex> = OnceLock::new();
    let holiday = HOLIDAY.get_or_init(|| {
        crate::util::static_regex(
            r"(?i)^(?:on\s+)?(?:christmas\s+(?:day|eve)|boxing\s+day|new\s+year['’]s\s+(?:day|eve))$",
        )
    });
    holiday.is_match(phrase.trim()) || says_that_day(phrase)
}

fn bare_month(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let month = month_number(cap(caps, 1)?)?;
    let mut period = Period::month(ctx.anchor?.latest(month));
    period.relative = true;
    Some(period)
}

/// A bare year; in a sentence that counts in fiscal years ("the end of FY 2023, ... as opposed to
/// 2,378,944 and 1,734,686 in 2021 and 2020, respectively") it is a fiscal year too: a writer who
/// set the fiscal calendar does not switch to calendar years for the comparison without saying so.
fn one_year(caps: &Captures, ctx: &Ctx) -> Option<Period> {
    let year = year_of(cap(caps, 1)?)?;
    Some(if ctx.fiscal_sentence {
        Period::fiscal_year(year, ctx.fiscal_start)
    } else {
        Period::calendar_year(year)
    })
}

fn present(_: &Captures, ctx: &Ctx) -> Option<Period> {
    let mut period = Period::point(ctx.anchor?);
    period.relative = true;
    Some(period)
}
