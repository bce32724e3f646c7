"""Regenerate the bundled sample corpus (``corpus/``) with the right byte encodings.

Run ``python -m foothold.sample.make_corpus`` (or this file directly). Every
report is original text written for foothold: it restates public facts with
their real dates and the real sources they cite, but the outlets that
"publish" them are invented. ``README.md`` lists the files; the annotated gold
for them is ``tests/corpus/gold.jsonl``.

Encodings are deliberate: most files are UTF-8, one Russian page is
windows-1251, one Korean text EUC-KR and one Chinese text GB18030, so the
readers' charset detection is exercised.
"""

from __future__ import annotations

import json
import logging
from html import escape
from pathlib import Path

log = logging.getLogger(__name__)

CORPUS = Path(__file__).resolve().parent / "corpus"


# ---------------------------------------------------------------------------
# page templates (boilerplate around the article)


def _paras(body: list[str]) -> str:
    return "\n".join(f"        <p>{escape(p)}</p>" for p in body)


def page_harbour(
    *,
    site: str,
    domain: str,
    slug: str,
    title: str,
    standfirst: str,
    iso: str,
    shown: str,
    body: list[str],
    lang: str = "en",
    charset: str = "utf-8",
    related: list[str] | None = None,
) -> str:
    """A news page: cookie banner, nav, share buttons, Related and Popular blocks."""
    related = related or [
        "Markets close mixed as oil slips",
        "Weather: storms expected on the coast",
    ]
    rel = "\n".join(
        f'          <li><a href="/{i}">{escape(r)}</a></li>' for i, r in enumerate(related)
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="{charset}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{escape(title)} | {escape(site)}</title>
  <meta property="og:site_name" content="{escape(site)}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{escape(title)}">
  <meta property="og:url" content="https://{domain}/{slug}">
  <meta property="article:published_time" content="{iso}">
  <link rel="canonical" href="https://{domain}/{slug}">
</head>
<body>
  <div class="cookie-consent" id="cookies">This site uses cookies to improve your experience and to show you relevant advertising. <button>Accept</button> <button>Reject</button> <a href="/cookies">Cookie policy</a></div>
  <header>
    <div class="masthead"><a href="/">{escape(site)}</a></div>
    <nav class="top-nav"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/economy">Economy</a> | <a href="/asia">Asia</a> | <a href="/europe">Europe</a> | <a href="/opinion">Opinion</a> | <a href="/podcasts">Podcasts</a></nav>
  </header>
  <main>
    <article>
      <h1>{escape(title)}</h1>
      <p class="standfirst">{escape(standfirst)}</p>
      <p class="dateline"><time datetime="{iso}">{escape(shown)}</time></p>
      <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Share on Telegram</a> <a href="#">Email</a></div>
      <div class="article-body">
{_paras(body)}
      </div>
    </article>
    <section class="related">
      <h2>Related</h2>
      <ul>
{rel}
      </ul>
    </section>
    <aside class="popular">
      <h2>Popular</h2>
      <ol><li><a href="/p1">Ten easy dinners for busy weeknights</a></li><li><a href="/p2">Football: late winner settles derby</a></li><li><a href="/p3">How to read your energy bill</a></li></ol>
    </aside>
  </main>
  <footer><p>&copy; {iso[:4]} {escape(site)}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/contact">Contact</a></footer>
</body>
</html>
"""


def page_portal(
    *,
    site: str,
    domain: str,
    slug: str,
    title: str,
    iso: str,
    shown: str,
    body: list[str],
    lang: str = "en",
    charset: str = "utf-8",
    nav: tuple[str, ...] = ("Front page", "Politics", "Business", "Technology", "Regions", "Sport"),
    popular_title: str = "Most read",
    popular: tuple[str, ...] = (
        "Traffic update for the weekend",
        "Recipe: autumn soup",
        "Exchange rates today",
    ),
    share: str = "Share:",
    cookie: str = "We use cookies. By continuing to browse you agree to our use of cookies.",
    ticker: str = "Brent 74.10 | USD/RUB 92.4 | KOSPI 2,611",
) -> str:
    """A portal-style page: ticker, sidebar menu, JSON-LD, share row, Most-read block."""
    items = " ".join(f'<li><a href="/s{i}">{escape(n)}</a></li>' for i, n in enumerate(nav))
    pops = "".join(f'<li><a href="/m{i}">{escape(p)}</a></li>' for i, p in enumerate(popular))
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": iso,
            "publisher": {"@type": "Organization", "name": site},
        },
        ensure_ascii=False,
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="{charset}">
<title>{escape(title)} - {escape(site)}</title>
<meta property="og:site_name" content="{escape(site)}">
<meta property="article:published_time" content="{iso}">
<script type="application/ld+json">{ld}</script>
</head>
<body>
<div class="ticker">{escape(ticker)}</div>
<div id="cookie-bar">{escape(cookie)} <a href="#">OK</a></div>
<div class="wrap">
<div class="logo"><a href="/">{escape(site)}</a></div>
<ul class="menu">{items}</ul>
<div class="content">
<div class="news-item">
<h1 class="news-title">{escape(title)}</h1>
<div class="news-date">{escape(shown)}</div>
<div class="news-text">
{_paras(body)}
</div>
<div class="share-row">{escape(share)} <a href="#">VK</a> <a href="#">Telegram</a> <a href="#">WhatsApp</a></div>
</div>
</div>
<div class="sidebar"><h3>{escape(popular_title)}</h3><ul>{pops}</ul></div>
</div>
<div class="footer">{escape(site)} &middot; {iso[:4]} &middot; <a href="/about">About</a> &middot; <a href="/ads">Advertising</a></div>
</body>
</html>
"""


def txt(
    title: str, published: str, outlet: str, body: list[str], signoff: str | None = None
) -> str:
    """A plain-text report: title, ``Published: D Month YYYY | Outlet``, blank line, paragraphs."""
    out = f"{title}\nPublished: {published} | {outlet}\n\n" + "\n\n".join(body) + "\n"
    if signoff:
        out += f"\n{signoff}\n"
    return out


# ---------------------------------------------------------------------------
# the reports


ALABUGA_WIRE_TITLE = "Russia aims to bring 12,000 North Korean workers to Alabuga drone zone, Ukrainian intelligence says"
ALABUGA_WIRE = [
    "KYIV, Nov 14 (Dnipro Line Wire) - Russia intends to bring about 12,000 North Korean workers to enterprises in the Alabuga special economic zone in Tatarstan by the end of 2025, Ukraine's Defence Intelligence said on Friday in a post on its Telegram channel.",
    "Alabuga is where Russia builds long-range Shahed-type attack drones, which it calls Geran.",
    "According to the Ukrainian agency, the terms of the recruitment were worked out in late October at the Russian Foreign Ministry with representatives of Jihyang Technology Trade Company, a North Korean firm that places the country's workers abroad.",
    "The workers have been promised roughly US$2.50 an hour for shifts lasting at least 12 hours, the intelligence service said. It did not say how it obtained the information, and Moscow has not commented.",
    "North Korean labour abroad is prohibited under UN Security Council resolutions adopted in 2017.",
]


def reports() -> dict[str, tuple[str, str]]:
    """Every corpus file as ``name -> (text, encoding)``."""
    r: dict[str, tuple[str, str]] = {}

    r["2022-07-19-matsegora-donbas.txt"] = (
        txt(
            "Moscow's envoy floats North Korean builders for Donbas reconstruction",
            "19 July 2022",
            "Volga Morning Post",
            [
                'Russia\'s ambassador to Pyongyang has suggested that construction crews from North Korea could be put to work rebuilding towns and plants in the Donetsk and Luhansk "republics" that Moscow backs in eastern Ukraine.',
                "Alexander Matsegora made the remarks in an interview with the Izvestia newspaper. He praised North Korean builders as highly skilled and said they were able to work in harsh conditions, presenting them as a ready answer to the region's need for labour.",
                "The comments came a week after North Korea recognised the two breakaway entities, becoming only the third state to do so after Russia and Syria.",
                "Matsegora did not say how many workers might be involved or when they could arrive. Under UN rules North Korean workers were supposed to have left Russia by the end of 2019, and any new arrivals would be hard to square with those rules.",
                "For Pyongyang, the ambassador added, the relationship could also bring spare parts made in Donbas factories for its ageing Soviet-era machinery.",
            ],
            signoff="- Volga Morning Post, foreign desk",
        ),
        "utf-8",
    )

    r["2023-05-24-chinyong-sanctions.html"] = (
        page_harbour(
            site="Meridian Compliance Daily",
            domain="meridiancompliance.example",
            slug="2023/05/24/chinyong-it-workers",
            title="US Treasury targets firm placing North Korean IT workers in Russia and Laos",
            standfirst="The designation names a Vladivostok-based representative who allegedly collected crypto payments.",
            iso="2023-05-24T09:30:00-04:00",
            shown="24 May 2023",
            body=[
                "The US Treasury has imposed sanctions on Chinyong IT Cooperation Company, a North Korean firm it accuses of employing the country's IT workers abroad, notably in Russia and Laos.",
                "In its announcement the Treasury said the company's representative in Vladivostok, Kim Sang Man, had received more than US$2 million in cryptocurrency from North Korean IT teams working out of China and Russia, according to figures as of 2021.",
                "The same action designated Pyongyang University of Automation, which the Treasury says trains cyber operatives, along with the Technical Reconnaissance Bureau and its 110th Research Center.",
                "Washington argues that the earnings of overseas IT workers, who often hide their nationality when taking freelance contracts, flow back to fund Pyongyang's weapons programmes.",
                "Compliance teams at firms that hire remote developers have been told to check identity documents and payment routes more carefully.",
            ],
            related=[
                "Explainer: what a sanctions designation does",
                "Crypto exchanges tighten checks",
            ],
        ),
        "utf-8",
    )

    r["2023-10-18-tv-market.html"] = (
        page_portal(
            site="Kestrel Consumer Wire",
            domain="kestrelconsumer.example",
            slug="tv-market-haier",
            title="Haier overtakes Samsung in Russia's television market",
            iso="2023-10-18T11:00:00+03:00",
            shown="18 October 2023, 11:00",
            body=[
                "Chinese appliance maker Haier has become the biggest television brand in Russia, according to data from the IT company Fplus cited by the business daily Kommersant.",
                "Between January and September 2023 Haier held 11.5% of the market by volume and 15.3% by value. Samsung, which led the market a year earlier with 25.3%, saw its share shrink to 5.1% after the South Korean group stopped shipping to Russia.",
                "Overall television sales grew by 35-40% over the period, the report said, as Chinese vendors moved quickly to fill shelves that Western and Korean suppliers had left.",
                "Anton Guskov, a spokesman for an industry association, said Chinese and Turkish brands were now in front across most household-appliance categories.",
                "Retailers say customers have adjusted quickly: screens from Chinese makers are cheaper, widely available and come with local warranties, while the remaining stocks of Korean sets are sold through parallel imports at higher prices.",
                "Retail analysts expect the Chinese lead in televisions to hold for the foreseeable future.",
            ],
        ),
        "utf-8",
    )

    r["2024-02-22-entries-2023.txt"] = (
        txt(
            "North Korean arrivals in Russia jumped fivefold in 2023, border data show",
            "22 February 2024",
            "Okhotsk Observer",
            [
                "More than 1,000 North Koreans entered Russia last year, about five times as many as in 2022, according to statistics published by the FSB Border Service.",
                "The total is still far below the levels seen before the pandemic, when North Korea sealed its borders, but it marks the largest annual number since Pyongyang began to reopen.",
                "The trend was already visible in the middle of the year. In the first six months of 2023, 370 North Koreans crossed into Russia, compared with 44 in the same period of 2022 and 69 in the whole of 2021.",
                "Traffic in the other direction grew as well: roughly as many Russians travelled to North Korea in 2023 as in 2020, 2021 and 2022 combined, the data indicate.",
                "Most entries are listed under business or private purposes rather than work. Analysts have long noted that North Koreans sent to earn money in Russia rarely hold work visas, because UN resolutions bar them.",
            ],
        ),
        "utf-8",
    )

    feed_items = [
        (
            "Russia-North Korea partnership treaty enters into force",
            "Thu, 05 Dec 2024 08:10:00 +0300",
            "https://northerncorridor.example/2024/12/treaty-in-force",
            "The Comprehensive Strategic Partnership Treaty between Russia and North Korea took effect on 4 December 2024, when the two sides exchanged instruments of ratification in Moscow, TASS reported. Deputy foreign ministers Andrei Rudenko and Kim Jong Gyu carried out the exchange. According to KCNA, the treaty replaces the friendship treaty of February 2000 and has no expiry date. Vladimir Putin signed the ratification law on 9 November and Kim Jong Un signed his decree two days later.",
        ),
        (
            "Work begins on first road bridge between Russia and North Korea",
            "Wed, 30 Apr 2025 15:40:00 +0300",
            "https://northerncorridor.example/2025/04/tumen-road-bridge",
            "Russian Prime Minister Mikhail Mishustin and North Korean Premier Pak Thae Song launched construction of a road bridge across the Tumen River by video link on 30 April 2025, the Russian government said. The bridge will be about 1 km long, 424 m on the Russian side and 581 m on the North Korean side, and the whole crossing with approach roads will stretch 4.7 km. Building it is expected to take about a year and a half. Until now the two countries have been linked only by a rail bridge and by air.",
        ),
        (
            "Nordwind opens direct Moscow-Pyongyang flights",
            "Sun, 27 Jul 2025 19:05:00 +0300",
            "https://northerncorridor.example/2025/07/moscow-pyongyang-flight",
            "The first direct scheduled flight from Moscow to Pyongyang took off from Sheremetyevo on 27 July 2025 with more than 400 passengers on board, Russia's Ministry of Transport said. Nordwind Airlines will initially operate the route once a month, with a flight time of about eight hours. Direct passenger trains between Moscow and Pyongyang had resumed in June.",
        ),
    ]
    items = "\n".join(
        f"""    <item>
      <title>{escape(t)}</title>
      <link>{link}</link>
      <guid>{link}</guid>
      <pubDate>{d}</pubDate>
      <description>{escape(desc)}</description>
    </item>"""
        for t, d, link, desc in feed_items
    )
    r["northern-corridor-feed.xml"] = (
        f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>Northern Corridor Briefing</title>
    <link>https://northerncorridor.example/</link>
    <description>Transport, trade and diplomacy between Russia and North-East Asia</description>
    <language>en</language>
{items}
  </channel>
</rss>
""",
        "utf-8",
    )

    jsonl_docs = [
        {
            "title": "Russia and North Korea hold tenth economic commission session in Pyongyang",
            "text": "Russia and North Korea held the tenth session of their intergovernmental commission on trade, economic and scientific cooperation in Pyongyang in mid-November, KCNA reported. The meeting was chaired on the Russian side by Natural Resources Minister Alexander Kozlov and on the North Korean side by Yun Jong Ho, the minister of external economic relations. The two delegations signed the session's protocol together with an agreement on sports exchanges for 2024 to 2026, according to TASS. The session was the first since Kim Jong Un met Vladimir Putin at the Vostochny cosmodrome in September, a summit after which both governments promised to widen economic links. Details of the protocol were not released, but Russian officials have previously listed agriculture, tourism, education and health care as areas for cooperation. The commission is the main forum in which the two governments review economic matters, and its sessions usually alternate between the two capitals.",
            "published": "2023-11-17",
            "outlet": "Ussuri Trade Notes",
            "url": "https://ussuritrade.example/2023/11/17/commission-pyongyang",
        },
        {
            "title": "Russia-North Korea trade hit a record US$34 million in 2024, logistics official says",
            "text": "Trade between Russia and North Korea reached a record US$34 million last year, Evgeniy Nikiforov, who chairs the international logistics committee of Russia's Association of Exporters and Importers, told Sputnik. Russian deliveries of flour, soybeans, grain, oil and other hydrocarbons drove the growth, he said, adding that Russian companies were getting ready to buy more goods from North Korea. The official number leaves out arms and ammunition transfers, which are thought to be worth far more. A year earlier Kremlin aide Yury Ushakov had put 2023 trade at US$34.4 million, so the two figures are hard to reconcile. Nikiforov did not give a breakdown by product or say how the total had been calculated.",
            "published": "2025-06-11",
            "outlet": "Ussuri Trade Notes",
            "url": "https://ussuritrade.example/2025/06/11/trade-record",
        },
    ]
    r["ussuri-trade-notes.jsonl"] = (
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in jsonl_docs),
        "utf-8",
    )

    r["2025-02-05-rosstat-entries-ko.txt"] = (
        txt(
            "작년 러시아 입국 북한 주민 1만3221명…전년의 12배",
            "5 February 2025",
            "북방경제저널",
            [
                "지난해 러시아에 입국한 북한 주민이 1만3221명으로 집계됐다. 자유아시아방송(RFA)이 러시아 연방통계청 자료를 분석해 보도한 내용이다.",
                "이는 2023년의 1117명과 비교하면 약 12배에 이르는 규모이며, 코로나19 유행 전인 2019년 약 2만1000명 이후 가장 많은 수치다.",
                "입국 목적별로는 교육이 7887명으로 가장 많았고 사업 3098명, 교통 관련 1648명이 뒤를 이었다.",
                "전문가들은 유학 명목의 입국이 실제로는 노동자 파견을 숨기기 위한 수단일 수 있다고 지적했다. 유엔 안보리 결의는 북한 노동자의 해외 파견을 금지하고 있다.",
                "북한과 러시아는 2024년 6월 포괄적 전략적 동반자 관계 조약을 체결한 뒤 인적 교류를 늘려 왔다. 러시아 극동 지역의 건설 현장에서는 북한 노동자들이 일하는 모습이 여러 차례 목격됐다.",
            ],
        ),
        "euc-kr",
    )

    r["2025-05-08-fsb-q1-ru.html"] = (
        page_portal(
            site="Приморский вестник",
            domain="primvestnik.example",
            slug="news/kndr-q1-2025",
            title="Въезд граждан КНДР в Россию резко сократился в первом квартале",
            iso="2025-05-08T10:20:00+10:00",
            shown="8 мая 2025, 10:20",
            lang="ru",
            charset="windows-1251",
            nav=("Главная", "Политика", "Экономика", "Приморье", "Происшествия", "Спорт"),
            popular_title="Самое читаемое",
            popular=(
                "Погода на выходные: дожди и туман",
                "Паромное сообщение с Сахалином",
                "Курсы валют",
            ),
            share="Поделиться:",
            cookie="Мы используем файлы cookie. Продолжая работу с сайтом, вы соглашаетесь с этим.",
            ticker="Нефть Brent 61,2 | USD 81,5 | EUR 92,3",
            body=[
                "В январе-марте 2025 года в Россию въехали около 300 граждан КНДР, следует из данных Пограничной службы ФСБ. Для сравнения, в четвертом квартале 2024 года их было почти 5,5 тысячи.",
                "Большинство приезжих в первом квартале указали деловую цель поездки - 167 человек. Еще 51 человек въехал по частным делам, и лишь трое - с целью учебы.",
                "В прошлом году, по данным тех же пограничников, главной заявленной целью поездок граждан КНДР была учеба, и это породило вопросы о том, кто на самом деле скрывается под видом студентов.",
                "Причины спада пограничная служба не объясняет. Данные за следующий квартал ведомство обычно публикует через несколько месяцев после его окончания.",
                "Статистика ФСБ учитывает пересечения границы, а не количество людей, постоянно находящихся в России, поэтому по ней нельзя напрямую судить о числе работающих в стране граждан КНДР.",
            ],
        ),
        "cp1251",
    )

    r["2025-05-29-msmt-report.html"] = (
        page_harbour(
            site="Lantern Policy Review",
            domain="lanternpolicy.example",
            slug="2025/05/29/msmt-first-report",
            title="Sanctions monitors say North Korea sought visas for 8,000 workers in Russia",
            standfirst="The first report of the 11-nation monitoring team maps arms, oil and labour flows.",
            iso="2025-05-29T18:00:00+09:00",
            shown="29 May 2025",
            body=[
                "North Korea sought visas for 8,000 workers to go to Russia in 2024 and planned to send thousands more in the first half of 2025 to work in construction and forestry, the Multilateral Sanctions Monitoring Team said in its first report on Thursday.",
                "The team, set up by 11 countries after Russia vetoed the renewal of the UN panel of experts in March 2024, said Russia had supplied North Korea with more than 1 million barrels of refined petroleum between March and October 2024, far above the UN cap.",
                "In the other direction, North Korea has shipped more than 20,000 containers of munitions and related materiel to Russia since September 2023, the report said, including about 9 million rounds of artillery and rocket ammunition in 2024.",
                "The monitors also said North Korea sent more than 11,000 troops to Russia in 2024 and about 3,000 more in early 2025.",
            ],
            related=[
                "Explainer: how the UN panel of experts ended",
                "Oil tankers and the North Korean cap",
            ],
        ),
        "utf-8",
    )

    r["2025-06-26-nis-kursk-timing.txt"] = (
        txt(
            "Seoul expects North Korean military builders to reach Russia by late summer",
            "26 June 2025",
            "Hanbit Observer",
            [
                "South Korea's National Intelligence Service expects North Korea to dispatch the 6,000 military engineers and builders promised to Russia as early as July or August, lawmakers said after a closed-door briefing on Thursday.",
                "Lee Seong-kweun and Park Sun-won, who sit on parliament's intelligence committee, said the agency based its estimate on the pattern of earlier deployments, which had tended to follow about a month after each visit to Pyongyang by Sergei Shoigu, the secretary of Russia's Security Council.",
                "Shoigu said earlier this month that Kim Jong Un had agreed to send 1,000 deminers and 5,000 military construction workers to the Kursk region to clear mines and restore damaged infrastructure.",
                "The lawmakers did not say whether the intelligence service had seen any preparations on the ground, such as the assembly of units or the movement of equipment towards the border.",
                "Seoul has repeatedly said that sending North Korean personnel to Russia violates UN Security Council resolutions, and it has urged Moscow and Pyongyang to stop.",
            ],
        ),
        "utf-8",
    )

    r["2025-08-13-escapes.html"] = (
        page_portal(
            site="Sea of Japan Review",
            domain="seaofjapanreview.example",
            slug="labour/escapees",
            title="Escaped North Korean workers describe 20-hour days on Russian building sites",
            iso="2025-08-13T07:45:00+09:00",
            shown="13 August 2025",
            body=[
                "North Korean labourers who fled construction jobs in Russia have described working from about six in the morning until two at night, with only two rest days a year, in testimony gathered by the BBC.",
                "The six men said they were kept on site, watched by North Korean state-security agents, and slept in shipping containers or in the unfinished flats they were building.",
                'Most of their earnings, they said, went to the state as "loyalty fees". What remained, usually US$100 to US$200 a month, was promised only for the day they returned home.',
                "South Korean intelligence officials told the broadcaster that Moscow has been relying more and more on North Korean labour. They also said the number of workers escaping from Russia to Seoul has roughly halved since 2022, from about 20 a year, as surveillance was tightened.",
                "The BBC said it had changed or left out details that could identify the men or their families.",
            ],
        ),
        "utf-8",
    )

    r["2025-11-04-construction-troops.txt"] = (
        txt(
            "Seoul says 5,000 North Korean construction troops are heading to Russia",
            "4 November 2025",
            "Hanbit Observer",
            [
                "About 5,000 North Korean military construction troops have been moving to Russia in stages since September to help rebuild infrastructure, South Korea's National Intelligence Service told lawmakers on Tuesday.",
                "Lee Seong-kweun, a member of the parliamentary intelligence committee, relayed the briefing to reporters. He said the agency also estimated that about 10,000 North Korean soldiers were deployed near the Russia-Ukraine border.",
                "At least 600 North Korean soldiers have been killed in the war so far, according to the South Korean estimate, and the agency has detected signs that Pyongyang is selecting and training troops for further deployments.",
                "The builders are the latest group of North Koreans to be sent to Russia under the military partnership the two countries have expanded since last year. The lawmaker did not say where in Russia the troops were working or what kind of infrastructure they were repairing.",
                "The intelligence service did not explain how it tracked the movements, and neither Moscow nor Pyongyang has commented on the briefing.",
            ],
        ),
        "utf-8",
    )

    r["2025-11-14-alabuga-wire.txt"] = (
        txt(
            ALABUGA_WIRE_TITLE,
            "14 November 2025",
            "Dnipro Line Wire",
            ALABUGA_WIRE,
            signoff="(Reporting by Dnipro Line Wire; editing by the Europe desk)",
        ),
        "utf-8",
    )

    r["2025-11-14-alabuga-copy.html"] = (
        page_portal(
            site="Kama Valley Times",
            domain="kamavalley.example",
            slug="world/alabuga-12000",
            title=ALABUGA_WIRE_TITLE,
            iso="2025-11-14T16:30:00+02:00",
            shown="14.11.2025 16:30",
            body=ALABUGA_WIRE[:-1]
            + [
                "North Korean labour abroad is prohibited under UN Security Council resolutions adopted in 2017. (Dnipro Line Wire)"
            ],
            popular_title="Trending",
            popular=(
                "Local elections: turnout figures",
                "Winter tyres: what the law says",
                "Concert review",
            ),
        ),
        "utf-8",
    )

    r["2025-11-16-alabuga-rewrite.html"] = (
        page_harbour(
            site="Caspian Business Herald",
            domain="caspianherald.example",
            slug="2025/11/16/alabuga-north-korean-labour",
            title="Drone plant in Tatarstan to lean on North Korean labour, Kyiv claims",
            standfirst="Ukraine's military intelligence says the recruits were offered a low hourly rate for very long shifts.",
            iso="2025-11-16T09:00:00+04:00",
            shown="16 November 2025",
            body=[
                "Around 12,000 North Koreans are to be recruited for factories in Tatarstan's Alabuga special economic zone before the year is out, according to Ukraine's Defence Intelligence, known by its Ukrainian initials HUR.",
                "The zone is the centre of Russian production of Geran drones, the local version of the Iranian Shahed.",
                "HUR said the conditions were agreed in the second half of October in talks at the Russian Foreign Ministry with Jihyang Technology Trade Company, which recruits North Koreans for jobs abroad. The pay on offer is about US$2.50 an hour, for shifts of 12 hours or more.",
                "Ukraine has hit the Alabuga site with long-range drones more than once, and its intelligence service regularly publishes what it says are details of how the plant recruits its workforce. Moscow seldom responds to such claims.",
                "The claim could not be independently verified.",
            ],
            related=[
                "Tatarstan's economy after two years of sanctions",
                "Drone strikes on industrial sites: a timeline",
            ],
        ),
        "utf-8",
    )

    r["2025-12-29-hyundai-buyback.txt"] = (
        txt(
            "Hyundai unlikely to buy back its former St Petersburg plant, source says",
            "29 December 2025",
            "Neva Motor Journal",
            [
                "Hyundai Motor is not in a position to use its option to buy back its former car plant in St Petersburg before the right expires in January, Reuters reported, citing a source familiar with the company's internal discussions. Hyundai said no final decision had been taken.",
                "The South Korean carmaker sold the plant to AGR Automotive Group for 140,000 won, about US$97, keeping a two-year option to repurchase it.",
                "Before the war Hyundai and its affiliate Kia sold more than 400,000 cars a year in Russia, about 23% of the new-car market in 2019, and built roughly half of them locally. The St Petersburg factory could produce more than 200,000 cars a year.",
                "Chinese brands have since taken most of the space the Korean companies left, and the former Hyundai site now assembles cars for its new Russian owner.",
                "Other foreign carmakers that left Russia negotiated similar buyback clauses, but few are expected to use them while the war continues.",
            ],
        ),
        "utf-8",
    )

    r["2026-01-14-car-market-zh.txt"] = (
        txt(
            "俄罗斯新车市场2025年萎缩 中国品牌份额降至51.7%",
            "14 January 2026",
            "丝路汽车观察",
            [
                "据《生意人报》援引俄罗斯汽车市场分析机构Autostat的数据，2025年俄罗斯新乘用车销量下降15.6%，约为130万辆。",
                "中国品牌在俄市场的份额从2024年的58.5%降至51.7%。分析人士认为，这主要是因为部分中国车型在原西方车企工厂本地组装后，以非中国品牌的名义销售。",
                "长城旗下的哈弗品牌仍以173300辆的销量位居第二，仅次于拉达；奇瑞以99810辆排名第三。",
                "哈弗在俄罗斯拥有自己的整车工厂。图拉州政府负责人米哈伊尔·潘捷列耶夫此前对国际文传电讯社表示，位于图拉州的哈弗工厂2024年生产了13万辆汽车，而其设计产能为15万辆。",
                "业内人士表示，俄罗斯提高报废税以及高利率环境抑制了整车进口，中国车企正更多地通过与俄罗斯本地企业合作组装的方式维持市场地位。",
            ],
        ),
        "gb18030",
    )

    r["2026-02-27-directive-source.txt"] = (
        txt(
            "Pyongyang orders push for factory jobs in Russia's Chinese-run assembly plants, source says",
            "27 February 2026",
            "Rason Watch",
            [
                "North Korea's ruling party has told the government to find production work for North Korean labourers and technicians in Russian factories that assemble cars, communications equipment and electronics, a source in Pyongyang told Rason Watch.",
                "According to the source, the Economic Department of the Workers' Party of Korea passed the instruction to the Ministry of External Economic Relations in early February. The ministry is to seek places mainly through joint ventures led by Chinese companies in Russia and through the firms that supply them.",
                "Officials have been told to pitch North Korean workers as cheap, easy to contract and quick to learn, the source said, and to value the skills the workers pick up over time more than short-term earnings.",
                "Chinese companies have come to dominate Russia's car, phone and electronics markets since Western and South Korean manufacturers pulled out in 2022.",
                "The move follows the Ninth Party Congress. Rason Watch could not confirm the account independently.",
            ],
        ),
        "utf-8",
    )

    r["2024-09-14-salmon-festival.txt"] = (
        txt(
            "Kamchatka salmon festival draws record crowds",
            "14 September 2024",
            "Peninsula Leisure",
            [
                "A weekend festival celebrating the autumn salmon run drew record crowds to Petropavlovsk-Kamchatsky, organisers said, with visitors queuing for smoked fish, caviar tastings and boat trips around Avacha Bay.",
                "Local chefs competed in a fish-soup contest, while children's workshops showed how traditional fishing nets are woven. Hotels in the city reported that rooms were fully booked for both nights.",
                "Tour operators said interest in Kamchatka from travellers in western Russia has grown as more people holiday at home, and airlines added extra flights from Moscow for the season.",
                "The organisers plan to extend the event to three days next year and to add a volcano-hiking programme for families.",
                "Regional officials said the festival had become one of the main draws of the short autumn season, when the weather is still mild enough for sea excursions and the first snow has yet to close the mountain roads. Fishermen's cooperatives used the occasion to sell their catch directly to visitors.",
            ],
        ),
        "utf-8",
    )

    return r


def write_corpus(target: Path = CORPUS) -> list[Path]:
    """Write every report to ``target`` with its encoding; returns the written paths."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (text, encoding) in sorted(reports().items()):
        path = target / name
        path.write_bytes(text.encode(encoding))
        written.append(path)
        log.info("wrote %s (%s)", path, encoding)
    return written


if __name__ == "__main__":  # pragma: no cover
    logging.basicConfig(level=logging.INFO)
    for p in write_corpus():
        print(p)
