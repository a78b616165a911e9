//! The whole dataset as files anyone can take away: `observations.csv`, `sources.csv`,
//! `sectors.csv`, `regions.csv`, `facts.csv`, a `README.md` and a Frictionless Data Package
//! (`datapackage.json`, v1). `build.rs` writes them from the loader's own result, so they cannot
//! disagree with the page; the page's chart CSVs use the same figure columns.
//!
//! UTF-8 without a byte-order mark (pandas, R and the `frictionless` tools read it as is), a
//! header row, RFC 4180 quoting by the `csv` crate, and every text cell that a spreadsheet would
//! run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) prefixed with `'`, as OWASP
//! advises against CSV injection; numbers are written as numbers.

use super::{Dataset, Observation, RegionLevel, Source, Texts, Unit, DISTRICTS};
use serde_json::{json, Value};
use std::borrow::Cow;

/// The files of the data package, in the order its README lists them.
pub const FILES: [&str; 7] =
    ["observations.csv", "sources.csv", "sectors.csv", "regions.csv", "facts.csv", "README.md", "datapackage.json"];

/// The archive of all of them, for one click.
pub const ZIP: &str = "atlas-data.zip";

/// One column: its name, Table Schema type and what it holds.
struct Field {
    name: &'static str,
    kind: &'static str,
    description: &'static str,
}

const fn field(name: &'static str, kind: &'static str, description: &'static str) -> Field {
    Field { name, kind, description }
}

const UNITS: [&str; 14] = [
    "km2", "100m_yuan", "bn_yuan", "tn_yuan", "pct", "pct_of_gdp", "pct_points", "count", "per_10k_people", "bn_usd", "usd_100m",
    "index", "times", "rank",
];

const OBSERVATION_FIELDS: [Field; 18] = [
    field("id", "string", "The figure's stable id; the page's link to it is ?figure=<id>."),
    field("indicator", "string", "What is measured, as a snake_case id (gdp, rd_intensity …)."),
    field("indicator_en", "string", "The indicator's name in English, as this figure's source words it."),
    field("indicator_zh", "string", "The indicator's name in Chinese."),
    field("sector", "string", "One of the ten industries (sectors.csv); empty for the whole economy."),
    field("region", "string", "The place the figure describes (regions.csv): Beijing, a district, a zone or an aggregate area."),
    field("year", "integer", "The year the figure describes; for a span, its last year."),
    field("period", "string", "`year` for a calendar year, a span of years (2021-2025) or part of a year (2023-01/2023-06)."),
    field("value", "number", "The figure exactly as published, in `unit`."),
    field("unit", "string", "The unit as published: 100m_yuan is 亿元 (10^8 yuan), bn_yuan 10^9, tn_yuan 10^12; pct_of_gdp a share of GDP."),
    field("base_value", "number", "The same figure in `base_unit`: amounts of yuan in yuan and of US dollars in dollars (the published value with its decimal point moved, no rounding); other units unchanged. Compare figures of one indicator on this column."),
    field("base_unit", "string", "yuan, usd, or the published unit where it is not an amount of money."),
    field("kind", "string", "actual (what happened), target (a plan's goal), growth_rate, share, rank, or derived (exact arithmetic on figures in the quote, explained in `note`)."),
    field("revision", "string", "preliminary or final where the source says so; empty where it does not."),
    field("confidence", "string", "How far to trust the source: official (government, statistics bureau), media (news report), third_party (a repost or aggregator, which names the original publisher)."),
    field("source_id", "string", "The page the figure was read from (sources.csv)."),
    field("quote", "string", "The source's own words stating the figure, verbatim, in the source's language. The quote remains its publisher's."),
    field("note", "string", "The curators' caveat: definitions, conflicts between sources, how a derived value was computed."),
];

/// The columns a chart's CSV adds to the figure columns, so a single file carries its sources.
const SOURCE_COLUMNS: [Field; 4] = [
    field("source_url", "string", "The source page's address (seed:<file> where only a source article's text is known)."),
    field("source_title", "string", "The source page's title."),
    field("publisher", "string", "Who published the source page."),
    field("published", "string", "When it was published: YYYY-MM-DD, YYYY-MM or YYYY."),
];

const SOURCE_FIELDS: [Field; 7] = [
    field("id", "string", "The source's id: `src-` and a hash of its URL, stable while the URL is."),
    field("url", "string", "The source page's address (seed:<file> where only a source article's text is known)."),
    field("title", "string", "The source page's title."),
    field("publisher", "string", "Who published it; a repost names the original publisher."),
    field("published", "string", "When it was published: YYYY-MM-DD, YYYY-MM or YYYY."),
    field("confidence", "string", "official, media or third_party (see observations.csv)."),
    field("n_figures", "integer", "How many figures in observations.csv cite this page."),
];

const SECTOR_FIELDS: [Field; 8] = [
    field("id", "string", "The industry's id."),
    field("name_en", "string", "Its name in English."),
    field("name_zh", "string", "Its name in Chinese."),
    field("description_en", "string", "What it covers, in English."),
    field("description_zh", "string", "What it covers, in Chinese."),
    field("color", "string", "The colour the page draws it in (#rrggbb)."),
    field("source_url", "string", "The page that defines the ten industries."),
    field("quote", "string", "The definition's words, verbatim."),
];

const REGION_FIELDS: [Field; 12] = [
    field("id", "string", "The place's id, as observations.csv and the page's links use it."),
    field("name_en", "string", "Its name in English."),
    field("name_zh", "string", "Its name in Chinese."),
    field("level", "string", "city (Beijing), district (the 16 districts), zone (a science city, park or zone) or aggregate (an area made of several, or China)."),
    field("adcode", "string", "A district's administrative code."),
    field("district", "string", "The district a zone lies in."),
    field("zone_kind", "string", "A zone's kind: science_city, park, zone, cluster or landmark."),
    field("lon", "number", "A zone's longitude (WGS 84, degrees east); approximate where coord_basis says so."),
    field("lat", "number", "A zone's latitude (WGS 84, degrees north)."),
    field("coord_basis", "string", "How the zone's point was obtained."),
    field("sectors", "string", "The industries a zone hosts, as sector ids separated by `;`."),
    field("source_url", "string", "The page a zone's description comes from."),
];

const FACT_FIELDS: [Field; 10] = [
    field("id", "string", "The fact's id."),
    field("date", "string", "When it happened: YYYY-MM-DD, YYYY-MM or YYYY."),
    field("region", "string", "Where (regions.csv)."),
    field("sectors", "string", "The industries it concerns, as sector ids separated by `;`."),
    field("text_en", "string", "What happened, in English, written for the page."),
    field("text_zh", "string", "The same in Chinese, written for the page; empty where there is none."),
    field("source_url", "string", "The page it was read from."),
    field("publisher", "string", "Who published that page."),
    field("published", "string", "When: YYYY-MM-DD, YYYY-MM or YYYY."),
    field("quote", "string", "The source's own words, verbatim."),
];

/// A text cell as a spreadsheet may safely open it: a leading `=`, `+`, `-`, `@`, tab or
/// carriage return would make Excel or LibreOffice run the cell as a formula, so such a cell gets
/// a leading `'` (OWASP, "CSV Injection"). Numbers never go through here.
pub fn safe_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A source's id in the files: `src-` and the FNV-1a hash of its URL, so it stays the same when
/// sources are added or the data is reordered.
pub fn source_id(source: &Source) -> String {
    let hash = source.url.bytes().fold(0x811c_9dc5_u32, |hash, b| (hash ^ u32::from(b)).wrapping_mul(0x0100_0193));
    format!("src-{hash:08x}")
}

/// A published value in plain yuan or dollars where it is an amount of money, else as published:
/// `(value, unit)`. The decimal point is moved in the digits as written, so 43,760.7 亿元 is
/// exactly 4376070000000 yuan, never 4376069999999.9995.
pub fn base_value(observation: &Observation) -> (String, &'static str) {
    let published = format!("{}", observation.value);
    let (shift, unit) = match observation.unit {
        Unit::HundredMillionYuan => (8, "yuan"),
        Unit::BnYuan => (9, "yuan"),
        Unit::TnYuan => (12, "yuan"),
        Unit::BnUsd => (9, "usd"),
        Unit::HundredMillionUsd => (8, "usd"),
        other => return (published, other.id()),
    };
    (shift_decimal(&published, shift), unit)
}

/// `"43760.7"` shifted by 8 → `"4376070000000"`: multiplies a decimal numeral by 10^shift.
fn shift_decimal(numeral: &str, shift: usize) -> String {
    let (sign, digits) = numeral.strip_prefix('-').map_or(("", numeral), |rest| ("-", rest));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let frac = format!("{frac:0<shift$}");
    let (moved, rest) = frac.split_at(shift);
    let int = format!("{int}{moved}");
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let rest = rest.trim_end_matches('0');
    if rest.is_empty() { format!("{sign}{int}") } else { format!("{sign}{int}.{rest}") }
}

fn names(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|f| f.name).collect()
}

/// Writes a header and records; `Err` only if the in-memory writer fails, which it does not.
fn csv_text(header: &[&str], records: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut result = writer.write_record(header);
    for record in records {
        if result.is_err() {
            break;
        }
        result = writer.write_record(&record);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn text(value: &str) -> String {
    safe_cell(value).into_owned()
}

/// One figure's record in the columns of `observations.csv`.
fn observation_record(dataset: &Dataset, texts: &Texts, o: &Observation) -> Vec<String> {
    let source = dataset.source_of(o);
    let (base, base_unit) = base_value(o);
    vec![
        text(&o.id),
        text(&o.indicator),
        text(&o.label_en),
        text(&o.label_zh),
        text(o.sector.as_deref().unwrap_or("")),
        text(&o.region),
        o.year.to_string(),
        text(&o.period.to_string()),
        format!("{}", o.value),
        o.unit.id().to_string(),
        base,
        base_unit.to_string(),
        o.kind.id().to_string(),
        o.revision.map_or("", |r| r.id()).to_string(),
        source.confidence.id().to_string(),
        source_id(source),
        text(texts.quote(dataset, o)),
        text(texts.note(dataset, o).unwrap_or("")),
    ]
}

/// Figures as CSV in the dataset's columns (`observations.csv`), and, with `with_sources`, each
/// one's source page, title, publisher and date after them: what a chart's CSV download holds.
pub fn observations_csv(dataset: &Dataset, texts: &Texts, rows: &[&Observation], with_sources: bool) -> String {
    let mut header = names(&OBSERVATION_FIELDS);
    if with_sources {
        header.extend(names(&SOURCE_COLUMNS));
    }
    let records = rows.iter().map(|o| {
        let mut record = observation_record(dataset, texts, o);
        if with_sources {
            let source = dataset.source_of(o);
            record.extend([text(&source.url), text(texts.source_title(o.source)), text(&source.publisher), text(&source.published)]);
        }
        record
    });
    csv_text(&header, records)
}

fn sources_csv(dataset: &Dataset, texts: &Texts) -> String {
    let records = dataset.sources.iter().enumerate().map(|(index, source)| {
        vec![
            source_id(source),
            text(&source.url),
            text(texts.source_title(index)),
            text(&source.publisher),
            text(&source.published),
            source.confidence.id().to_string(),
            source.n_figures.to_string(),
        ]
    });
    csv_text(&names(&SOURCE_FIELDS), records)
}

fn sectors_csv(dataset: &Dataset, texts: &Texts) -> String {
    let records = dataset.sectors.iter().map(|s| {
        vec![
            text(&s.id),
            text(&s.name_en),
            text(&s.name_zh),
            text(&s.description_en),
            text(&s.description_zh),
            text(&s.color),
            text(&s.source_url),
            text(texts.sector_quote(dataset, s)),
        ]
    });
    csv_text(&names(&SECTOR_FIELDS), records)
}

fn regions_csv(dataset: &Dataset) -> String {
    let records = dataset.regions.iter().map(|r| {
        let level = match r.level {
            RegionLevel::City => "city",
            RegionLevel::District => "district",
            RegionLevel::Zone => "zone",
            RegionLevel::Aggregate => "aggregate",
        };
        let adcode = DISTRICTS.iter().find(|d| d.id == r.id).map_or("", |d| d.adcode);
        let zone = dataset.zone(&r.id).filter(|_| r.level == RegionLevel::Zone);
        let of_zone = |get: &dyn Fn(&super::Zone) -> String| zone.map_or_else(String::new, get);
        vec![
            text(&r.id),
            text(&r.name_en),
            text(&r.name_zh),
            level.to_string(),
            adcode.to_string(),
            of_zone(&|z| text(&z.district)),
            of_zone(&|z| text(&z.kind)),
            of_zone(&|z| format!("{}", z.lon)),
            of_zone(&|z| format!("{}", z.lat)),
            of_zone(&|z| text(&z.coord_basis)),
            of_zone(&|z| text(&z.sectors.join(";"))),
            of_zone(&|z| text(&z.source_url)),
        ]
    });
    csv_text(&names(&REGION_FIELDS), records)
}

fn facts_csv(dataset: &Dataset, texts: &Texts) -> String {
    let records = dataset.facts.iter().map(|f| {
        vec![
            text(&f.id),
            text(&f.date),
            text(&f.region),
            text(&f.sectors.join(";")),
            text(&f.text_en),
            text(f.text_zh.as_deref().unwrap_or("")),
            text(&f.source_url),
            text(&f.publisher),
            text(&f.published),
            text(texts.fact_quote(dataset, f)),
        ]
    });
    csv_text(&names(&FACT_FIELDS), records)
}

/// A Table Schema field, with the allowed values where the column is a closed list.
fn schema_field(f: &Field) -> Value {
    let mut value = json!({ "name": f.name, "type": f.kind, "description": f.description });
    let allowed: Option<&[&str]> = match f.name {
        "unit" => Some(&UNITS),
        "kind" => Some(&["actual", "target", "growth_rate", "share", "rank", "derived"]),
        "revision" => Some(&["preliminary", "final"]),
        "confidence" => Some(&["official", "media", "third_party"]),
        "level" => Some(&["city", "district", "zone", "aggregate"]),
        _ => None,
    };
    if f.name == "id" {
        value["constraints"] = json!({ "required": true, "unique": true });
    } else if let Some(allowed) = allowed {
        value["constraints"] = json!({ "enum": allowed });
    }
    value
}

fn resource(name: &str, path: &str, title: &str, fields: &[Field], foreign_keys: Value) -> Value {
    json!({
        "name": name,
        "path": path,
        "title": title,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": { "delimiter": ",", "quoteChar": "\"", "doubleQuote": true, "header": true },
        "schema": {
            "fields": fields.iter().map(schema_field).collect::<Vec<_>>(),
            "primaryKey": ["id"],
            "foreignKeys": foreign_keys,
            "missingValues": [""],
        },
    })
}

fn foreign_key(field: &str, resource: &str) -> Value {
    json!({ "fields": [field], "reference": { "resource": resource, "fields": ["id"] } })
}

/// `datapackage.json`: a Frictionless Data Package (v1) naming every file, every column with its
/// type and description, the primary keys and the foreign keys.
fn datapackage(dataset: &Dataset, built: &str) -> String {
    let package = json!({
        "profile": "data-package",
        "name": "beijing-high-tech-atlas",
        "title": "Beijing High-Tech Atlas: published figures on Beijing's high-precision-cutting-edge industries",
        "description": format!(
            "{} published figures from {} sources on Beijing's ten high-precision-cutting-edge (高精尖) industries, its districts and science cities, each with the source's verbatim quote; {} sectors, {} places, {} dated facts. See README.md for the caveats.",
            dataset.observations.len(), dataset.sources.len(), dataset.sectors.len(), dataset.regions.len(), dataset.facts.len()
        ),
        "version": built,
        "created": format!("{built}T00:00:00Z"),
        "keywords": ["Beijing", "high-tech industry", "高精尖产业", "statistics", "innovation"],
        "contributors": [{ "title": "Beijing High-Tech Atlas", "role": "publisher" }],
        "sources": [{ "title": "The publishers named in sources.csv; every figure quotes its source page" }],
        "resources": [
            resource("observations", "observations.csv", "Published figures", &OBSERVATION_FIELDS, json!([
                foreign_key("source_id", "sources"),
                foreign_key("sector", "sectors"),
                foreign_key("region", "regions"),
            ])),
            resource("sources", "sources.csv", "Source pages", &SOURCE_FIELDS, json!([])),
            resource("sectors", "sectors.csv", "The ten industries", &SECTOR_FIELDS, json!([])),
            resource("regions", "regions.csv", "Beijing, its districts, zones and aggregate areas", &REGION_FIELDS, json!([])),
            resource("facts", "facts.csv", "Dated facts", &FACT_FIELDS, json!([foreign_key("region", "regions")])),
            { "name": "readme", "path": "README.md", "title": "What each file holds, caveats and provenance", "format": "md", "mediatype": "text/markdown", "encoding": "utf-8" },
        ],
    });
    serde_json::to_string_pretty(&package).unwrap_or_default() + "\n"
}

fn readme(dataset: &Dataset, built: &str) -> String {
    let column_list = |fields: &[Field]| fields.iter().map(|f| format!("- `{}` ({}): {}\n", f.name, f.kind, f.description)).collect::<String>();
    format!(
        "# Beijing High-Tech Atlas: the dataset\n\n\
Built {built} from the same files and loader as the page, so they hold exactly the figures it shows.\n\
{n_obs} published figures from {n_sources} source pages, {n_sectors} industries, {n_regions} places and {n_facts} dated facts.\n\n\
北京高精尖产业图集的全部数据：{n_obs}个公开数字（来自{n_sources}个来源页面）、{n_sectors}个产业、{n_regions}个地点、{n_facts}条大事记。\
每个数字都附有来源原文引语。CSV 文件为 UTF-8 编码、首行为列名。\n\n\
## Files\n\n\
- `observations.csv`: one published figure per row, with its source's verbatim quote.\n\
- `sources.csv`: the pages the figures were read from (`observations.source_id` → `sources.id`).\n\
- `sectors.csv`: the ten high-precision-cutting-edge (高精尖) industries (`observations.sector` → `sectors.id`; empty = the whole economy).\n\
- `regions.csv`: Beijing, its 16 districts, the science cities, parks and zones with their coordinates, and aggregate areas (`observations.region` → `regions.id`).\n\
- `facts.csv`: dated milestones, with their sources.\n\
- `README.md`: this file.\n\
- `datapackage.json`: a Frictionless Data Package (v1): every column's type and description, primary and foreign keys.\n\n\
## Opening it\n\n\
- Python: `pandas.read_csv(\"observations.csv\")`, or `frictionless validate datapackage.json`.\n\
- R: `read.csv(\"observations.csv\", encoding = \"UTF-8\")` or `readr::read_csv(\"observations.csv\")`.\n\
- A spreadsheet: import the CSV as UTF-8 (Excel: Data → From Text/CSV → 65001: Unicode (UTF-8)) so the Chinese text shows.\n\n\
## Caveats (as the page shows them)\n\n\
- Every figure is a published fact, read from a public page and kept exactly as published (`value`, `unit`).\n\
  `base_value` moves the decimal point to plain yuan or dollars so one indicator's figures compare;\n\
  it is not a conversion between currencies and rounds nothing.\n\
- \"High-tech\", \"high-precision-cutting-edge\", \"strategic emerging\" and \"digital economy\" industries are different measures: never add them up.\n\
- Targets (`kind` = target), growth rates, shares and ranks are labelled as such; `derived` values are exact arithmetic\n\
  on figures in their quote, and `note` says how.\n\
- Where sources disagree beyond rounding, both figures are kept (a conflict); sources stating the same figure are separate rows.\n\
- `revision` is set only where the source says the figure is preliminary or final.\n\
- Part-year figures (`period` like 2023-01/2023-06) are not comparable with full years.\n\
- A missing year is a gap: nothing is interpolated, estimated or filled in.\n\
- Zone coordinates are approximate points inside each area where `coord_basis` says so.\n\
- Text cells that begin with = + - or @ start with an apostrophe, so no spreadsheet runs them as formulas.\n\n\
## Provenance\n\n\
The figures are facts published by the Beijing municipal and district governments, statistics bureaus and news media,\n\
collected for reference with links to the originals. The quotes remain their publishers'; cite the original source\n\
(`sources.csv`) with the figure, and the Atlas as where you found it.\n\n\
## Columns of observations.csv\n\n{columns}",
        n_obs = dataset.observations.len(),
        n_sources = dataset.sources.len(),
        n_sectors = dataset.sectors.len(),
        n_regions = dataset.regions.len(),
        n_facts = dataset.facts.len(),
        columns = column_list(&OBSERVATION_FIELDS),
    )
}

/// Every file of the data package as `(name, contents)`, in `FILES`' order. `built` is the
/// dataset's build date (YYYY-MM-DD): the package's version and the date citations give as
/// accessed.
pub fn files(dataset: &Dataset, texts: &Texts, built: &str) -> Vec<(&'static str, String)> {
    let all: Vec<&Observation> = dataset.observations.iter().collect();
    let contents = [
        observations_csv(dataset, texts, &all, false),
        sources_csv(dataset, texts),
        sectors_csv(dataset, texts),
        regions_csv(dataset),
        facts_csv(dataset, texts),
        readme(dataset, built),
        datapackage(dataset, built),
    ];
    FILES.into_iter().zip(contents).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_leading_cell_is_neutralised_and_others_kept() {
        for formula in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(safe_cell(formula), format!("'{formula}"));
        }
        for plain in ["GDP", "北京", "", "1-2", "a=b"] {
            assert_eq!(safe_cell(plain), plain);
        }
    }

    #[test]
    fn base_values_move_the_decimal_point_exactly() {
        assert_eq!(shift_decimal("43760.7", 8), "4376070000000");
        assert_eq!(shift_decimal("2.49", 12), "2490000000000");
        assert_eq!(shift_decimal("0.000000015", 8), "1.5");
        assert_eq!(shift_decimal("-3.25", 9), "-3250000000");
        assert_eq!(shift_decimal("12", 8), "1200000000");
    }
}
