"""The words of a partnership statement that both the place finder and the pair reader
use: a town's partner word ("twin town", "Partnerstadt") and the possessive before it
("its", "ihre"), so that "X and its partner town Y" is read one way everywhere."""

from __future__ import annotations

PARTNER_WORD = (
    r"(?:partner\s+(?:cit(?:y|ies)|towns?|municipalit(?:y|ies)|communit(?:y|ies))|"
    r"sister\s+(?:cit(?:y|ies)|towns?)|twin\s+(?:cit(?:y|ies)|towns?)|"
    r"(?:klima-?|projekt-?)?partner(?:stadt|städte|staedte|gemeinden?|kommunen?)|"
    r"schwesterst(?:adt|ädte))"
)
POSSESSIVE = r"(?:ihre[mnrs]?|seine[mnrs]?|unsere[mnrs]?|their|its|our|his|her)"
# A possessive and the partner word after it, an adjective between allowed: "its new twin town".
OWN_PARTNER = rf"{POSSESSIVE}\s+(?:[\w-]+\s+)?{PARTNER_WORD}"
