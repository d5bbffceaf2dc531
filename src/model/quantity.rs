//! Typed figures (money in whole đồng, counts with their unit) and the totals computed from them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One figure of an activity: either an amount of money or a count with its unit.
///
/// Exactly one of `amount` and `count` is given; `unit` goes with `count` only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["key", "label", "amount", "count", "unit", "qualifier"]))]
#[schemars(title = "Số liệu")]
pub struct Quantity {
    /// Name used by `{key}` in the activity text: lowercase ASCII letters, digits and '_'.
    #[schemars(
        title = "Mã số liệu",
        description = "Chữ thường không dấu, số và \"_\"; viết {mã} trong nội dung để điền số liệu."
    )]
    pub key: String,
    /// What the figure is, as the table prints it, e.g. "Quỹ xã hội vận động".
    #[schemars(
        title = "Tên số liệu",
        description = "Như bảng số liệu in ra, ví dụ \"Quỹ xã hội vận động\"."
    )]
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
    /// What `count` counts, e.g. "cây xanh", "suất quà".
    #[schemars(
        title = "Đơn vị tính",
        description = "Đi với số lượng, ví dụ \"cây xanh\", \"suất quà\"."
    )]
    #[serde(default)]
    pub unit: Option<String>,
    /// How exact the figure is, as the source says it: "trên", "hơn", "gần", "khoảng", "dưới".
    #[schemars(
        title = "Mức chính xác",
        description = "Như nguồn ghi: \"trên\", \"hơn\", \"gần\", \"khoảng\", \"dưới\"."
    )]
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
}

/// The value of a quantity once validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityValue<'a> {
    /// Whole đồng.
    Money(u64),
    /// A count and what it counts.
    Count(u64, &'a str),
}

impl Quantity {
    /// The figure itself. Validation guarantees exactly one of `amount` and `count`.
    pub fn value(&self) -> QuantityValue<'_> {
        match self.amount {
            Some(amount) => QuantityValue::Money(amount),
            None => {
                QuantityValue::Count(self.count.unwrap_or(0), self.unit.as_deref().unwrap_or(""))
            }
        }
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
        match self {
            Bound::Exact => None,
            Bound::AtLeast => Some("trên"),
            Bound::AtMost => Some("gần"),
            Bound::About => Some("khoảng"),
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
