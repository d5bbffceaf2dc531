//! Typed figures (money in whole đồng, counts with their unit, percentages, ratios) and the
//! totals computed from them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::limits;

/// One figure of an activity: an amount of money, a count with its unit, a percentage or a
/// ratio with its unit.
///
/// Exactly one of `amount`, `count`, `percent` and `ratio` is given; `unit` goes with `count`
/// and `ratio` only. Percentages and ratios are never added to anything.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["key", "label", "amount", "count", "percent", "ratio", "unit", "table_unit", "qualifier"]))]
#[schemars(title = "Số liệu")]
pub struct Quantity {
    /// Name used by `{key}` in the activity text: lowercase ASCII letters, digits and '_'.
    #[schemars(
        title = "Mã số liệu",
        description = "Chữ thường không dấu, số và “_”; viết {mã} trong nội dung để điền số liệu."
    )]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub key: String,
    /// What the figure is, as the table prints it, e.g. "Quỹ xã hội vận động".
    #[schemars(
        title = "Tên số liệu",
        description = "Như bảng số liệu in ra, ví dụ “Quỹ xã hội vận động”."
    )]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub label: String,
    /// Money in whole đồng (at most 10^13, ten thousand tỷ, which fits the table's column).
    #[schemars(
        title = "Số tiền (đồng)",
        description = "Tính bằng đồng, ví dụ 200.000.000 hoặc 200 triệu; một số liệu là số tiền hoặc số lượng, không là cả hai."
    )]
    #[serde(default)]
    #[schemars(range(max = 10_000_000_000_000u64))]
    pub amount: Option<u64>,
    /// A count of things, e.g. 2000 (trees); at most 10^8.
    #[schemars(title = "Số lượng", description = "Ví dụ 2000 (cây xanh).")]
    #[serde(default)]
    #[schemars(range(max = 100_000_000u64))]
    pub count: Option<u64>,
    /// A percentage, e.g. 100 prints "100%" (at most 1000, two decimals kept).
    #[schemars(
        title = "Tỷ lệ (%)",
        description = "Ví dụ 100 in ra “100%”; tỷ lệ không được cộng vào số liệu nào."
    )]
    #[serde(default)]
    #[schemars(range(min = 0, max = 1000))]
    pub percent: Option<f64>,
    /// A part of a whole, `[part, whole]`: `[3, 3]` with unit "xã, thị trấn" prints
    /// "3/3 xã, thị trấn".
    #[schemars(
        title = "Tỷ số",
        description = "Phần và tổng, ví dụ 3 trên 3 với đơn vị “xã, thị trấn” in ra “3/3 xã, thị trấn”.",
        extend("x-item-titles" = ["Phần", "Tổng"])
    )]
    #[serde(default)]
    pub ratio: Option<[u64; 2]>,
    /// What `count` or `ratio` counts in running text, e.g. "cây xanh", "em học sinh".
    #[schemars(
        title = "Đơn vị tính",
        description = "Đi với số lượng hoặc tỷ số, ví dụ “cây xanh”, “suất quà”."
    )]
    #[serde(default)]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub unit: Option<String>,
    /// The unit as the table's "Đơn vị tính" column prints it, when shorter than `unit`: "học
    /// sinh" for "em học sinh", "buổi" for "buổi tuyên truyền"; `unit` by default.
    #[schemars(
        title = "Đơn vị tính trong bảng",
        description = "Ngắn hơn đơn vị trong câu, ví dụ “buổi” cho “buổi tuyên truyền”; để trống thì bảng dùng đơn vị tính."
    )]
    #[serde(default)]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub table_unit: Option<String>,
    /// How exact the figure is, as the source says it: "trên", "hơn", "gần", "khoảng", "dưới".
    #[schemars(
        title = "Mức chính xác",
        description = "Như nguồn ghi: “trên”, “hơn”, “gần”, “khoảng”, “dưới”."
    )]
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
}

/// The value of a quantity once validated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QuantityValue<'a> {
    /// Whole đồng.
    Money(u64),
    /// A count and what it counts.
    Count(u64, &'a str),
    /// A percentage.
    Percent(f64),
    /// A part of a whole, and what it counts.
    Ratio(u64, u64, &'a str),
}

impl Quantity {
    /// The figure itself. Validation guarantees exactly one of `amount`, `count`, `percent`
    /// and `ratio`.
    pub fn value(&self) -> QuantityValue<'_> {
        let unit = self.unit.as_deref().unwrap_or("");
        match (self.amount, self.percent, self.ratio) {
            (Some(amount), ..) => QuantityValue::Money(amount),
            (_, Some(percent), _) => QuantityValue::Percent(percent),
            (.., Some([part, whole])) => QuantityValue::Ratio(part, whole, unit),
            _ => QuantityValue::Count(self.count.unwrap_or(0), unit),
        }
    }

    /// Whether the figure is nothing: 0 đồng, a count of 0, 0% or a ratio of 0 parts. A
    /// report leaves such a figure out.
    pub fn is_zero(&self) -> bool {
        match self.value() {
            QuantityValue::Money(value) | QuantityValue::Count(value, _) => value == 0,
            QuantityValue::Percent(percent) => percent == 0.0,
            QuantityValue::Ratio(part, ..) => part == 0,
        }
    }

    /// The unit the table prints: `table_unit`, else `unit`; none for money and percentages.
    pub fn table_unit(&self) -> Option<&str> {
        self.table_unit.as_deref().or(self.unit.as_deref())
    }

    /// Which side of the printed figure the true value lies on.
    pub fn bound(&self) -> Bound {
        self.qualifier.map_or(Bound::Exact, Qualifier::bound)
    }
}

/// A word that qualifies a figure, kept as the source writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Qualifier {
    /// "trên" (over).
    #[schemars(title = "trên")]
    #[serde(rename = "trên")]
    Over,
    /// "hơn" (more than).
    #[schemars(title = "hơn")]
    #[serde(rename = "hơn")]
    MoreThan,
    /// "gần" (nearly).
    #[schemars(title = "gần")]
    #[serde(rename = "gần")]
    Nearly,
    /// "khoảng" (about).
    #[schemars(title = "khoảng")]
    #[serde(rename = "khoảng")]
    About,
    /// "dưới" (under).
    #[schemars(title = "dưới")]
    #[serde(rename = "dưới")]
    Under,
}

impl Qualifier {
    /// The word as printed before the figure.
    pub fn word(self) -> &'static str {
        match self {
            Qualifier::Over => "trên",
            Qualifier::MoreThan => "hơn",
            Qualifier::Nearly => "gần",
            Qualifier::About => "khoảng",
            Qualifier::Under => "dưới",
        }
    }

    fn bound(self) -> Bound {
        match self {
            Qualifier::Over | Qualifier::MoreThan => Bound::AtLeast,
            Qualifier::Nearly | Qualifier::Under => Bound::AtMost,
            Qualifier::About => Bound::About,
        }
    }
}

/// Where the true value lies relative to a printed figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// The figure is exact.
    Exact,
    /// The true value is above the figure ("trên", "hơn").
    AtLeast,
    /// The true value is below the figure ("gần", "dưới").
    AtMost,
    /// Either side ("khoảng").
    About,
}

impl Bound {
    /// The bound of a sum of two figures: exact parts keep the other's bound, agreeing bounds
    /// stay, and mixed directions make the sum approximate.
    pub fn combine(self, other: Bound) -> Bound {
        match (self, other) {
            (Bound::Exact, b) | (b, Bound::Exact) => b,
            (a, b) if a == b => a,
            _ => Bound::About,
        }
    }

    /// The qualifier a total with this bound is printed with: "trên", "gần", "khoảng" or none.
    pub fn word(self) -> Option<&'static str> {
        self.qualifier().map(Qualifier::word)
    }

    /// The qualifier a total with this bound is printed with, or none when exact.
    pub fn qualifier(self) -> Option<Qualifier> {
        match self {
            Bound::Exact => None,
            Bound::AtLeast => Some(Qualifier::Over),
            Bound::AtMost => Some(Qualifier::Nearly),
            Bound::About => Some(Qualifier::About),
        }
    }
}

/// A sum of figures and how exact it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Total {
    /// The sum of the printed figures.
    pub value: u64,
    /// Combined bound of the parts.
    pub bound: Option<Bound>,
}

impl Total {
    /// Adds one figure.
    pub fn add(&mut self, value: u64, bound: Bound) {
        self.value = self.value.saturating_add(value);
        self.bound = Some(self.bound.map_or(bound, |b| b.combine(bound)));
    }

    /// The qualifier word to print before the total, if any.
    pub fn word(&self) -> Option<&'static str> {
        self.bound.and_then(Bound::word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_combine_as_documented() {
        use Bound::*;
        let cases = [
            (Exact, Exact, Exact),
            (Exact, AtLeast, AtLeast),
            (AtMost, Exact, AtMost),
            (AtLeast, AtLeast, AtLeast),
            (AtMost, AtMost, AtMost),
            (AtLeast, AtMost, About),
            (About, Exact, About),
            (About, AtLeast, About),
        ];
        for (a, b, want) in cases {
            assert_eq!(a.combine(b), want, "{a:?} + {b:?}");
        }
    }

    #[test]
    fn total_of_seed_money_is_approximate() {
        let mut total = Total::default();
        total.add(200_000_000, Bound::AtLeast);
        total.add(75_000_000, Bound::Exact);
        total.add(72_000_000, Bound::AtMost);
        assert_eq!(total.value, 347_000_000);
        assert_eq!(total.word(), Some("khoảng"));
    }
}
