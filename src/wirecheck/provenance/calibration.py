# ruff: noqa: E501  (labelled sentences are data: one pair per line reads best)
"""Own labelled sentence pairs used to choose and calibrate the semantic channel (invented events).

``REWRITES``: the same statement reworded (synonyms, reordered clauses, passive voice,
a machine-translation feel). ``SAME_EVENT``: two different statements about the same
invented event (what independent reports of one event share). ``UNRELATED``: other news.
"""

from __future__ import annotations

REWRITES: list[tuple[str, str]] = [
    (
        "The port authority of Valmora said on Monday that cargo volumes fell by 12 percent in March.",
        "Cargo volumes at Valmora dropped 12% in March, the city's port authority announced Monday.",
    ),
    (
        "Officials at Brennik Steel confirmed that the plant will close two furnaces by the end of the year.",
        "Two furnaces at the Brennik Steel plant are to be shut before year-end, company officials confirmed.",
    ),
    (
        "The finance ministry accused the trading firm Ostrel Holdings of shipping turbine parts to the rebels.",
        "Ostrel Holdings, a trading company, was accused by the finance ministry of sending turbine components to the rebel forces.",
    ),
    (
        "Heavy rain flooded more than 300 homes in the northern district of Carrow overnight.",
        "Overnight downpours left over 300 houses under water in Carrow's northern district.",
    ),
    (
        "The central bank of Dovania raised its main interest rate to 6.5 percent to curb inflation.",
        "In a bid to rein in inflation, Dovania's central bank lifted its benchmark rate to 6.5%.",
    ),
    (
        "Investigators said the cargo ship had switched off its transponder for nine days near the strait.",
        "According to investigators, the freighter turned off its tracking beacon for nine days close to the strait.",
    ),
    (
        "The minister warned that companies helping the army would face severe penalties.",
        "Firms that assist the military will suffer serious consequences, the minister cautioned.",
    ),
    (
        "Sales of drone engines from Tarsk Motors to foreign buyers tripled last year, customs data show.",
        "Customs figures show that Tarsk Motors' exports of drone engines to overseas customers rose threefold in the past year.",
    ),
    (
        "The union called off the strike after the airline agreed to a 7 percent pay rise.",
        "After the carrier accepted a 7% wage increase, the union cancelled its walkout.",
    ),
    (
        "Police arrested four people suspected of smuggling microchips through the eastern border crossing.",
        "Four suspects accused of trafficking microchips via the eastern border post were detained by police.",
    ),
    (
        "The president of Kelvara will travel to Ostia next week for talks on energy supplies.",
        "Next week Kelvara's president is due to visit Ostia to discuss energy deliveries.",
    ),
    (
        "Analysts estimate that nearly half of the country's machine tool imports now come from a single supplier.",
        "Almost 50 percent of the nation's imported machine tools are now sourced from one supplier, analysts estimate.",
    ),
    (
        "The court ordered the mining company to pay 40 million dollars in damages to the villagers.",
        "Villagers must be paid $40 million in compensation by the mining firm, the court ruled.",
    ),
    (
        "A senior official said the government had not seen any sign that the shipments had stopped.",
        "There has been no indication that the deliveries have ended, according to a senior government official.",
    ),
    (
        "Exports of optical sights to the region rose sharply in the last quarter of 2023.",
        "In the final three months of 2023, shipments of optical sights to the region increased steeply.",
    ),
    (
        "The health agency reported 120 new cases of the virus in the capital over the weekend.",
        "Over the weekend, 120 fresh infections were recorded in the capital, the health agency said.",
    ),
]

SAME_EVENT: list[tuple[str, str]] = [
    (
        "The port authority of Valmora said on Monday that cargo volumes fell by 12 percent in March.",
        "Dock workers in Valmora said the slowdown had cut their overtime and several shifts were cancelled.",
    ),
    (
        "Officials at Brennik Steel confirmed that the plant will close two furnaces by the end of the year.",
        "The Brennik Steel workers' council said it would fight any job losses at the site.",
    ),
    (
        "The finance ministry accused the trading firm Ostrel Holdings of shipping turbine parts to the rebels.",
        "Ostrel Holdings denied wrongdoing and said all its exports had been licensed by the ministry.",
    ),
    (
        "Heavy rain flooded more than 300 homes in the northern district of Carrow overnight.",
        "Emergency crews in Carrow evacuated an elderly care home as the river kept rising.",
    ),
    (
        "The central bank of Dovania raised its main interest rate to 6.5 percent to curb inflation.",
        "Dovania's inflation reached 9 percent in the spring, driven by food and fuel prices.",
    ),
    (
        "Investigators said the cargo ship had switched off its transponder for nine days near the strait.",
        "The ship's owner, registered in a small island state, did not respond to requests for comment.",
    ),
    (
        "The minister warned that companies helping the army would face severe penalties.",
        "Business groups said the minister's plan would hurt exporters that sell ordinary goods.",
    ),
    (
        "Sales of drone engines from Tarsk Motors to foreign buyers tripled last year, customs data show.",
        "Tarsk Motors said it follows all export rules and checks the end users of its engines.",
    ),
    (
        "The union called off the strike after the airline agreed to a 7 percent pay rise.",
        "Thousands of passengers had been stranded at the main airport during the three-day stoppage.",
    ),
    (
        "Police arrested four people suspected of smuggling microchips through the eastern border crossing.",
        "The eastern border crossing has become a major route for goods under export controls, officials say.",
    ),
    (
        "The president of Kelvara will travel to Ostia next week for talks on energy supplies.",
        "Ostia has been Kelvara's largest gas supplier since the pipeline opened a decade ago.",
    ),
    (
        "Analysts estimate that nearly half of the country's machine tool imports now come from a single supplier.",
        "The government has promised subsidies to domestic manufacturers of precision machinery.",
    ),
    (
        "The court ordered the mining company to pay 40 million dollars in damages to the villagers.",
        "The mining company said it would appeal and called the ruling politically motivated.",
    ),
    (
        "A senior official said the government had not seen any sign that the shipments had stopped.",
        "The government has sanctioned more than 100 firms since the conflict began, the official added.",
    ),
    (
        "Exports of optical sights to the region rose sharply in the last quarter of 2023.",
        "Optical sights are used on armoured vehicles and can also be sold for hunting rifles.",
    ),
    (
        "The health agency reported 120 new cases of the virus in the capital over the weekend.",
        "Hospitals in the capital said they had enough beds but asked staff to cancel leave.",
    ),
]

UNRELATED: list[tuple[str, str]] = [
    (
        "The port authority of Valmora said on Monday that cargo volumes fell by 12 percent in March.",
        "The football club announced that its captain will miss the final with a knee injury.",
    ),
    (
        "The central bank of Dovania raised its main interest rate to 6.5 percent to curb inflation.",
        "A new species of frog was discovered in the mountain forests by a university team.",
    ),
    (
        "Police arrested four people suspected of smuggling microchips through the eastern border crossing.",
        "The film festival opened with a comedy about a family reunion on a farm.",
    ),
    (
        "Heavy rain flooded more than 300 homes in the northern district of Carrow overnight.",
        "The software company released an update that fixes a security flaw in its browser.",
    ),
    (
        "The union called off the strike after the airline agreed to a 7 percent pay rise.",
        "Archaeologists found coins from the second century near the old harbour wall.",
    ),
    (
        "The minister warned that companies helping the army would face severe penalties.",
        "The orchestra will perform all nine symphonies in a single weekend next spring.",
    ),
]
