"""The trigger lexicon covers the ordinary wording of news for every relation type.

Each probe is a sentence written for this test, with invented actors only, run
through the real spaCy pipeline and the lexicon of ontology/triggers.yaml. The
first sentence of every article names the two invented countries, so that their
nationality adjectives ("Valdorian", "Karvian") resolve to them.
"""

from __future__ import annotations

import pytest

from tests.test_hard_cases import relations

CONTEXT = "Valdoria and Karvia are neighbours. "
HOLM = "Valdoria's President Karsten Holm"
VERHAL = "Karvia's President Anouk Verhal"

PROBES = [
    # met
    (f"{HOLM} held discussions with {VERHAL} on Tuesday.", ("Karsten Holm", "met", "Anouk Verhal")),
    (f"{HOLM} conferred with {VERHAL} in Geneva.", ("Karsten Holm", "met", "Anouk Verhal")),
    (f"{HOLM} played host to {VERHAL} last week.", ("Karsten Holm", "met", "Anouk Verhal")),
    (f"{HOLM} paid a visit to Karvia on Monday.", ("Karsten Holm", "met", "Karvia")),
    (f"{HOLM} greeted {VERHAL} at the airport.", ("Karsten Holm", "met", "Anouk Verhal")),
    # spokeWith
    (
        f"{HOLM}, in a call with {VERHAL} on Monday, said the border would stay open.",
        ("Karsten Holm", "spokeWith", "Anouk Verhal"),
    ),
    (f"{HOLM} telephoned {VERHAL} on Sunday.", ("Karsten Holm", "spokeWith", "Anouk Verhal")),
    (f"{HOLM} had a video call with {VERHAL}.", ("Karsten Holm", "spokeWith", "Anouk Verhal")),
    # mediated
    ("Tessaly acted as a go-between for Valdoria and Karvia.", ("Tessaly", "mediated", "Karvia")),
    ("Tessaly facilitated talks between Valdoria and Karvia.", ("Tessaly", "mediated", "Valdoria")),
    # agreedToMeet
    (
        f"{HOLM} said he was willing to meet {VERHAL}.",
        ("Karsten Holm", "agreedToMeet", "Anouk Verhal"),
    ),
    (
        f"{HOLM} agreed to hold talks with {VERHAL}.",
        ("Karsten Holm", "agreedToMeet", "Anouk Verhal"),
    ),
    # agreed
    (
        f"{HOLM} pledged to work with {VERHAL} on the crisis.",
        ("Karsten Holm", "agreed", "Anouk Verhal"),
    ),
    (f"{HOLM} struck a deal with {VERHAL}.", ("Karsten Holm", "agreed", "Anouk Verhal")),
    (f"{HOLM} reached an agreement with {VERHAL}.", ("Karsten Holm", "agreed", "Anouk Verhal")),
    # praised
    (f"{HOLM} said he was very proud of {VERHAL}.", ("Karsten Holm", "praised", "Anouk Verhal")),
    (f"{HOLM} lauded {VERHAL} for her courage.", ("Karsten Holm", "praised", "Anouk Verhal")),
    (
        "Karsten Holm paid tribute to Anouk Verhal on Monday.",
        ("Karsten Holm", "praised", "Anouk Verhal"),
    ),
    (
        f"{HOLM} congratulated {VERHAL} on her victory.",
        ("Karsten Holm", "praised", "Anouk Verhal"),
    ),
    (f"{HOLM} spoke highly of {VERHAL}.", ("Karsten Holm", "praised", "Anouk Verhal")),
    # supported
    (
        f"Valdoria threw its weight behind {VERHAL}.",
        ("Valdoria", "supported", "Anouk Verhal"),
    ),
    (f"{HOLM} sided with {VERHAL}.", ("Karsten Holm", "supported", "Anouk Verhal")),
    (
        f"{HOLM} expressed solidarity with {VERHAL}.",
        ("Karsten Holm", "supported", "Anouk Verhal"),
    ),
    # criticized
    (f'{HOLM} called Karvia "a rogue state" on Monday.', ("Karsten Holm", "criticized", "Karvia")),
    (f"{HOLM} castigated {VERHAL}.", ("Karsten Holm", "criticized", "Anouk Verhal")),
    (
        f"{HOLM} hit out at {VERHAL} on Monday.",
        ("Karsten Holm", "criticized", "Anouk Verhal"),
    ),
    (f"{HOLM} lashed out at {VERHAL}.", ("Karsten Holm", "criticized", "Anouk Verhal")),
    (f"{HOLM} deplored Karvia's decision.", ("Karsten Holm", "criticized", "Karvia")),
    # accused
    (
        "Prosecutors in Valdoria charged Karvian businessman Piet Vos with bribery.",
        ("Valdoria", "accused", "Piet Vos"),
    ),
    ("Valdoria held Karvia responsible for the attack.", ("Valdoria", "accused", "Karvia")),
    (
        "Karsten Holm pointed the finger at Anouk Verhal.",
        ("Karsten Holm", "accused", "Anouk Verhal"),
    ),
    (
        f"{HOLM} blamed the bombing on {VERHAL}.",
        ("Karsten Holm", "accused", "Anouk Verhal"),
    ),
    # investigated
    (
        "Valdoria opened an investigation into Karvia's airline.",
        ("Valdoria", "investigated", "Karvia"),
    ),
    ("Valdoria looked into Karvia's role in the attack.", ("Valdoria", "investigated", "Karvia")),
    # rejected
    ("Valdoria rebuffed Karvia's offer.", ("Valdoria", "rejected", "Karvia")),
    ("Valdoria brushed aside Karvia's demands.", ("Valdoria", "rejected", "Karvia")),
    ("Valdoria refused to accept Karvia's proposal.", ("Valdoria", "rejected", "Karvia")),
    # threatened
    (
        f"{HOLM} threatened to cut off gas supplies to Karvia.",
        ("Karsten Holm", "threatened", "Karvia"),
    ),
    ("Valdoria vowed retaliation against Karvia.", ("Valdoria", "threatened", "Karvia")),
    # setDeadline
    (
        "Valdoria's President Karsten Holm gave Karvia until midnight to withdraw.",
        ("Karsten Holm", "setDeadline", "Karvia"),
    ),
    (
        "Valdoria extended the deadline for Karvia to respond.",
        ("Valdoria", "setDeadline", "Karvia"),
    ),
    # demanded
    ("Valdoria appealed to Karvia to release the sailors.", ("Valdoria", "demanded", "Karvia")),
    ("Valdoria called upon Karvia to release the sailors.", ("Valdoria", "demanded", "Karvia")),
    (
        f"{HOLM} implored {VERHAL} to end the blockade.",
        ("Karsten Holm", "demanded", "Anouk Verhal"),
    ),
    # protested
    (
        "Valdoria lodged a protest with Karvia over the arrests.",
        ("Valdoria", "protested", "Karvia"),
    ),
    ("Valdoria filed a complaint against Karvia.", ("Valdoria", "protested", "Karvia")),
    # conceded
    (
        "Karvia agreed to Valdoria's demand to reopen the crossing.",
        ("Karvia", "conceded", "Valdoria"),
    ),
    (
        "Anouk Verhal caved in to Valdoria's demands.",
        ("Anouk Verhal", "conceded", "Valdoria"),
    ),
    (
        "Karvia's President Anouk Verhal bowed to Valdoria's demands.",
        ("Anouk Verhal", "conceded", "Valdoria"),
    ),
    # retreated
    ("Karvia has lifted its ban on Valdorian imports.", ("Karvia", "retreated", "Valdoria")),
    ("Valdoria unfroze Karvia's assets.", ("Valdoria", "retreated", "Karvia")),
    (
        "Karvia's President Anouk Verhal handed back the Valdorian tanker.",
        ("Anouk Verhal", "retreated", "Valdoria"),
    ),
    ("Valdoria rolled back its tariffs on Karvian goods.", ("Valdoria", "retreated", "Karvia")),
    # sanctioned
    ("Valdoria suspended all flights to Karvia.", ("Valdoria", "sanctioned", "Karvia")),
    (
        "Valdoria froze the assets of Karvia's central bank on Tuesday.",
        ("Valdoria", "sanctioned", "Karvia"),
    ),
    ("Valdoria ceased military aid to Karvia on Monday.", ("Valdoria", "sanctioned", "Karvia")),
    ("Valdoria froze Karvia's assets on Monday.", ("Valdoria", "sanctioned", "Karvia")),
    ("Valdoria suspended military aid to Karvia.", ("Valdoria", "sanctioned", "Karvia")),
    ("Valdoria severed ties with Karvia.", ("Valdoria", "sanctioned", "Karvia")),
    ("Valdoria hit Karvia with new tariffs.", ("Valdoria", "sanctioned", "Karvia")),
    ("Valdoria banned exports to Karvia.", ("Valdoria", "sanctioned", "Karvia")),
    # mobilized
    (
        "Karvia has moved armoured brigades towards its frontier with Valdoria.",
        ("Karvia", "mobilized", "Valdoria"),
    ),
    ("Valdoria deployed warships near Karvia.", ("Valdoria", "mobilized", "Karvia")),
    ("Valdoria called up reservists against Karvia.", ("Valdoria", "mobilized", "Karvia")),
    # coerced
    ("Valdorian forces impounded a Karvian tanker on Friday.", ("Valdoria", "coerced", "Karvia")),
    ("Valdoria deported Karvia's envoy Jens Arvid.", ("Valdoria", "coerced", "Jens Arvid")),
    ("Valdoria put Karvia's envoy Jens Arvid under arrest.", ("Valdoria", "coerced", "Jens Arvid")),
    # attacked
    ("Valdorian drones hit Karvia's capital overnight.", ("Valdoria", "attacked", "Karvia")),
    ("Valdorian troops opened fire on Karvian soldiers.", ("Valdoria", "attacked", "Karvia")),
    ("Valdorian jets shot down a Karvian drone.", ("Valdoria", "attacked", "Karvia")),
    # signedAgreement
    ("Valdoria inked a deal with Karvia on Monday.", ("Valdoria", "signedAgreement", "Karvia")),
    (
        "Valdoria signed a memorandum of understanding with Karvia.",
        ("Valdoria", "signedAgreement", "Karvia"),
    ),
    # aided
    ("Valdoria delivered generators to Karvia.", ("Valdoria", "aided", "Karvia")),
    ("Valdoria extended a $2 billion loan to Karvia.", ("Valdoria", "aided", "Karvia")),
    # cooperated
    ("Valdoria ran joint patrols with Karvia.", ("Valdoria", "cooperated", "Karvia")),
    ("Valdoria teamed up with Karvia against the smugglers.", ("Valdoria", "cooperated", "Karvia")),
    # added with tuning3 (2026-12-01): wording its articles used that the lexicon lacked
    ("Tessaly has supplied Karvia with attack helicopters.", ("Tessaly", "aided", "Karvia")),
    ("Tessaly has lent Karvia more than $2 billion.", ("Tessaly", "aided", "Karvia")),
    (f"{HOLM} apologised to {VERHAL} on Monday.", ("Karsten Holm", "conceded", "Anouk Verhal")),
    (
        "Valdoria and Karvia agreed to hold a joint naval exercise.",
        ("Valdoria", "agreed", "Karvia"),
    ),
    # added with audit round 5 (2026-12-01)
    (
        f"{HOLM} and {VERHAL} signed a partnership on power grids.",
        ("Karsten Holm", "signedAgreement", "Anouk Verhal"),
    ),
    (
        f"{HOLM} ordered the release of {VERHAL} on Monday.",
        ("Karsten Holm", "retreated", "Anouk Verhal"),
    ),
    # added in session 5 (2026-12-01) from a list of ordinary news wording for every
    # type, written before it was run; these failed then
    (f"{HOLM} paid tribute to {VERHAL}.", ("Karsten Holm", "praised", "Anouk Verhal")),
    (f"{HOLM} took aim at {VERHAL} in a speech.", ("Karsten Holm", "criticized", "Anouk Verhal")),
    (
        f"{HOLM} threatened to impose sanctions on Karvia.",
        ("Karsten Holm", "threatened", "Karvia"),
    ),
    (
        # the model tags this "Anouk Verhal" as a body; her title says she is a person
        f"{HOLM} congratulated {VERHAL} on her election victory.",
        ("Karsten Holm", "praised", "Anouk Verhal"),
    ),
    ("Valdoria sent 200 tonnes of food aid to Karvia on Monday.", ("Valdoria", "aided", "Karvia")),
    ("Valdoria sent Karvia 30,000 tonnes of grain.", ("Valdoria", "aided", "Karvia")),
    ("Valdoria provided Karvia with air defence systems.", ("Valdoria", "aided", "Karvia")),
    (
        "Valdoria's foreign ministry expelled Karvia's ambassador on Monday.",
        ("Valdoria", "sanctioned", "Karvia"),
    ),
    (f"{HOLM} caved to Karvia's demands on Friday.", ("Karsten Holm", "conceded", "Karvia")),
    ("Talks between Valdoria and Karvia were mediated by Qatar.", ("Qatar", "mediated", "Karvia")),
    (
        "Valdoria's foreign ministry said it firmly opposes Karvia's arms sales to Tessaly.",
        ("Valdoria", "criticized", "Karvia"),
    ),
    (
        "Valdoria deployed warships around Karvia on Monday in large-scale drills.",
        ("Valdoria", "mobilized", "Karvia"),
    ),
    # Wording from a probe list written by a helper who never saw the code.
    (
        "The Valdorian Nobel Committee awarded the Peace Prize to Karvian lawyer Noor Halim.",
        ("Valdorian Nobel Committee", "praised", "Noor Halim"),
    ),
    (
        "Valdoria conferred its highest civilian honour on Anouk Verhal.",
        ("Valdoria", "praised", "Anouk Verhal"),
    ),
    (
        "Karsten Holm expressed concern on Thursday about Karvia's military buildup.",
        ("Karsten Holm", "criticized", "Karvia"),
    ),
    (
        "Karsten Holm vowed to crush the Karvian Liberation Front within weeks.",
        ("Karsten Holm", "threatened", "Karvian Liberation Front"),
    ),
    (
        "The African Union suspended Karvia from all its activities on Thursday.",
        ("African Union", "sanctioned", "Karvia"),
    ),
    (
        "Valdoria delivered air-defence systems to Karvia last month.",
        ("Valdoria", "aided", "Karvia"),
    ),
    (
        "Karvian Foreign Minister Elin Varga assured her Valdorian counterpart, Milan Horak, "
        "that Karvian troops would not cross the river.",
        ("Elin Varga", "agreed", "Milan Horak"),
    ),
    (
        "Karvian and Valdorian warships began a joint naval exercise in the gulf on Monday.",
        ("Karvia", "cooperated", "Valdoria"),
    ),
    (
        "Karvian troops pulled out of the Valdorian town of Senko on Sunday.",
        ("Karvia", "retreated", "Valdoria"),
    ),
    (
        "Karvian forces repelled an attack by Valdorian troops near the village of Orlo.",
        ("Valdoria", "attacked", "Karvia"),
    ),
    (
        "Qatari mediators brokered the ceasefire between Valdoria and Karvia on Thursday.",
        ("Qatar", "mediated", "Karvia"),
    ),
    (
        "Valdoria received $200 million in emergency funding from the World Bank on Thursday.",
        ("World Bank", "aided", "Valdoria"),
    ),
    (
        "Valdoria and Karvia withdrew their ambassadors from each other's capitals on Sunday.",
        ("Karvia", "sanctioned", "Valdoria"),
    ),
    (
        "Valdorian Foreign Minister Davit Morel talked by telephone with his Karvian "
        "counterpart, Elin Varga, on Tuesday. The two ministers agreed to meet in Geneva.",
        ("Elin Varga", "agreedToMeet", "Davit Morel"),
    ),
    (
        "The Valdorian Farmers' Union protested outside the Karvian embassy in Lesk on Saturday.",
        ("Valdorian Farmers' Union", "protested", "Karvia"),
    ),
    (
        "Karvia moved armoured units toward its frontier with Valdoria on Friday.",
        ("Karvia", "mobilized", "Valdoria"),
    ),
]

SYMMETRIC = {"met", "spokeWith", "signedAgreement", "cooperated"}


@pytest.mark.parametrize(("sentence", "expected"), PROBES, ids=[p[0][:60] for p in PROBES])
def test_news_wording_gives_the_relation(tmp_path, sentence, expected):
    found = relations(tmp_path, CONTEXT + sentence)
    subject, relation, obj = expected
    assert expected in found or (relation in SYMMETRIC and (obj, relation, subject) in found), found


def test_every_relation_type_has_a_probe():
    from kg.lexicon import load_lexicon

    assert {r for _, (_, r, _) in PROBES} == set(load_lexicon().object_preps)


@pytest.mark.parametrize(
    ("sentence", "unwanted"),
    [
        # Common words that are triggers only in some senses.
        ("Oil prices in Valdoria hit a record high on Monday.", {"attacked"}),
        ("Karvia has lifted its ban on Valdorian imports.", {"sanctioned"}),
        # What is demanded or ordered is not done.
        (f"{VERHAL} demanded that Valdoria withdraw its troops.", {"retreated"}),
        ("The Karvian firm charged Valdoria's ministry a fee of $2 million.", {"accused"}),
        (f"{HOLM} delivered a speech to {VERHAL}'s supporters.", {"aided"}),
        ("Workers in Valdoria marched through the capital of Karvia.", {"protested"}),
        (f"{HOLM} met {VERHAL} to discuss Karvia's demands.", {"conceded"}),
        ("Valdoria set a deadline for Karvia to free the sailors.", {"retreated"}),
        ("Valdoria signed a free trade deal with Karvia.", {"retreated"}),
        (f"{HOLM} gave {VERHAL} ten days to respond.", {"conceded", "retreated"}),
        (f"{HOLM} blamed the bombing on {VERHAL}.", {"attacked"}),
        ("Valdoria cut off aid to Karvia.", {"aided"}),
    ],
)
def test_ambiguous_words_do_not_mislead(tmp_path, sentence, unwanted):
    found = relations(tmp_path, CONTEXT + sentence)
    assert not {r for _, r, _ in found} & unwanted, found


def test_the_right_sense_wins_on_the_same_head(tmp_path):
    found = relations(tmp_path, CONTEXT + f"{HOLM} met {VERHAL} to discuss Karvia's demands.")
    assert ("Karsten Holm", "met", "Anouk Verhal") in found or (
        "Anouk Verhal",
        "met",
        "Karsten Holm",
    ) in found
    found = relations(tmp_path, CONTEXT + "Valdoria set a deadline for Karvia to free the sailors.")
    assert ("Valdoria", "setDeadline", "Karvia") in found
