import type { StoryContent } from "./types";

/**
 * Founding-story parts. A store's story is opening[kind] + " " + craft[range[0]] + " " + closing[i].
 * Placeholders: {store} {place} {country} {year} {people}.
 *
 * Notes on phrasing, so every combination reads well:
 * - fr/pt: the store name is introduced with a colon ("{store} : tout commence…"), so plural or
 *   feminine brand names never clash with a verb or participle; no "de {place}" (elision) and no
 *   preposition before {country} (au/en/aux varies).
 * - ar/sw: the store name follows "حكاية" / "Hadithi ya", so the verb always agrees with that noun.
 * - ar: numbers come after "عدد …" so {people} never needs a counted noun.
 */
export const STORY: StoryContent = {
  opening: {
    cooperative: {
      en: "{store} began in {year} in {place}, when a handful of neighbours decided to pool their skills and tools and sell together. Today the cooperative has {people} members, and each of them has a say in how it is run.",
      zh: "{store}于{year}年在{place}起步，当时几户街坊决定把各自的手艺和工具集中起来，共同销售。如今合作社已有{people}名成员，每个人都能参与社里的决策。",
      fr: "{store} : tout commence en {year} à {place}, lorsque quelques voisins décident de mettre en commun leur savoir-faire et leurs outils, et de vendre ensemble. La coopérative compte aujourd'hui {people} membres, et chacun a son mot à dire sur la manière dont elle est gérée.",
      ar: "بدأت حكاية {store} عام {year} في {place}، حين قرّر بضعة جيران أن يجمعوا مهاراتهم وأدواتهم وأن يبيعوا إنتاجهم معًا. واليوم يبلغ عدد أعضاء التعاونية {people}، ولكلٍّ منهم رأيٌ في طريقة إدارتها.",
      pt: "{store}: tudo começou em {year} na cidade de {place}, quando alguns vizinhos decidiram juntar o seu saber e as suas ferramentas e vender em conjunto. Hoje a cooperativa conta com {people} membros, e cada um tem voz na forma como é gerida.",
      sw: "Hadithi ya {store} ilianza mwaka {year} mjini {place}, pale majirani wachache walipoamua kuunganisha ujuzi na zana zao na kuuza bidhaa zao kwa pamoja. Leo ushirika huu una wanachama {people}, na kila mmoja ana sauti katika jinsi unavyoendeshwa.",
    },
    family: {
      en: "{store} began in {year} in {place}, in the courtyard of a family home where parents taught their children the trade. Today the family business keeps {people} people busy, and much of the work is still done at home.",
      zh: "{store}于{year}年在{place}起步，最初只是一户人家的院子，父母在那里把手艺传给孩子。如今这份家族生意已有{people}人参与，许多工序仍在家中完成。",
      fr: "{store} : tout commence en {year} à {place}, dans la cour d'une maison familiale où les parents transmettent le métier à leurs enfants. L'affaire fait aujourd'hui travailler {people} personnes, et une bonne partie de la fabrication se fait encore à la maison.",
      ar: "بدأت حكاية {store} عام {year} في {place}، في فناء بيت عائلي كان الآباء يعلّمون فيه أبناءهم أسرار الحرفة. واليوم يبلغ عدد العاملين في هذا المشروع العائلي {people}، وما زال جزء كبير من العمل يُنجَز في البيت.",
      pt: "{store}: tudo começou em {year} na cidade de {place}, no quintal de uma casa de família onde os pais ensinavam o ofício aos filhos. Hoje o negócio familiar dá trabalho a {people} pessoas, e grande parte da produção continua a ser feita em casa.",
      sw: "Hadithi ya {store} ilianza mwaka {year} mjini {place}, katika ua wa nyumba ya familia ambapo wazazi waliwafundisha watoto wao ufundi huu. Leo biashara hii ya familia inawaajiri watu {people}, na sehemu kubwa ya kazi bado hufanyika nyumbani.",
    },
    workshop: {
      en: "{store} began in {year} in {place} as a small workshop with a single workbench and a few borrowed tools. Today {people} artisans work there side by side, and apprentices learn by watching the masters.",
      zh: "{store}于{year}年在{place}开张，起初只是一间小作坊，一张工作台，几件借来的工具。如今{people}位匠人在这里并肩工作，学徒们跟在师傅身边边看边学。",
      fr: "{store} : tout commence en {year} à {place}, dans un petit atelier équipé d'un seul établi et de quelques outils empruntés. Aujourd'hui, {people} artisans y travaillent côte à côte, et les apprentis apprennent en regardant faire les maîtres.",
      ar: "بدأت حكاية {store} عام {year} في {place}، في ورشة صغيرة لا تضم سوى طاولة عمل واحدة وبضع أدوات مستعارة. واليوم يبلغ عدد الحرفيين الذين يعملون فيها جنبًا إلى جنب {people}، ويتعلّم المتدرّبون الصنعة بمراقبة المعلّمين.",
      pt: "{store}: tudo começou em {year} na cidade de {place}, numa pequena oficina com uma única bancada e algumas ferramentas emprestadas. Hoje trabalham ali lado a lado {people} artesãos, e os aprendizes aprendem o ofício vendo trabalhar os mestres.",
      sw: "Hadithi ya {store} ilianza mwaka {year} mjini {place}, katika karakana ndogo yenye meza moja ya kazi na zana chache za kuazima. Leo mafundi {people} hufanya kazi humo bega kwa bega, na wanagenzi hujifunza kwa kuwatazama mafundi wakuu.",
    },
    farm: {
      en: "{store} began in {year} on family land outside {place}, land the founders had farmed long before it had a name. Today {people} people tend the crops, harvest by hand and sort every batch before it leaves the farm.",
      zh: "{store}于{year}年创立于{place}城外的一片家族土地上；早在农场有名字之前，创始人就已在这里耕作多年。如今{people}人在这里照料作物、手工采收，每一批产品离开农场前都要经过仔细分拣。",
      fr: "{store} : tout commence en {year} dans la campagne qui entoure {place}, sur des terres familiales que les fondateurs cultivaient bien avant que la ferme ait un nom. Aujourd'hui, {people} personnes s'occupent des cultures, récoltent à la main et trient chaque lot avant qu'il ne quitte l'exploitation.",
      ar: "بدأت حكاية {store} عام {year} على أرض عائلية في ضواحي {place}، أرضٍ فلحها المؤسسون سنوات طويلة قبل أن يصبح للمزرعة اسم. واليوم يبلغ عدد العاملين فيها {people}، يعتنون بالمحاصيل ويجنونها باليد ويفرزون كل دفعة قبل شحنها.",
      pt: "{store}: tudo começou em {year} no campo à volta da cidade de {place}, em terras de família que os fundadores já cultivavam muito antes de a propriedade ter nome. Hoje {people} pessoas cuidam das culturas, colhem à mão e escolhem cada lote antes de ele seguir viagem.",
      sw: "Hadithi ya {store} ilianza mwaka {year} kwenye ardhi ya familia nje kidogo ya mji wa {place}, ardhi ambayo waanzilishi waliilima kwa miaka mingi kabla shamba halijapewa jina. Leo watu {people} hutunza mazao, huvuna kwa mikono na huchambua kila kundi la mavuno kabla halijaondoka shambani.",
    },
    "social-enterprise": {
      en: "{store} began in {year} in {place} with a simple aim: to turn local skills into steady, fairly paid work. Today it provides a living for {people} people, many of them women and young people who once had few options.",
      zh: "{store}于{year}年在{place}成立，初衷很简单：让当地人的手艺变成稳定且报酬公道的工作。如今它为{people}人提供生计，其中不少是过去缺少机会的妇女和年轻人。",
      fr: "{store} : tout commence en {year} à {place}, avec une ambition simple — transformer les savoir-faire locaux en emplois stables et justement rémunérés. Cette entreprise sociale fait aujourd'hui vivre {people} personnes, dont beaucoup de femmes et de jeunes qui avaient jusque-là peu de perspectives.",
      ar: "بدأت حكاية {store} عام {year} في {place} بهدف بسيط: تحويل مهارات أهل المنطقة إلى عمل ثابت بأجر عادل. واليوم يبلغ عدد من يكسبون رزقهم من هذه المؤسسة الاجتماعية {people}، كثيرون منهم نساء وشباب لم تكن أمامهم فرص تُذكر من قبل.",
      pt: "{store}: tudo começou em {year} na cidade de {place}, com um objetivo simples — transformar os saberes locais em trabalho estável e justamente pago. Hoje esta empresa social garante o sustento de {people} pessoas, muitas delas mulheres e jovens que antes tinham poucas oportunidades.",
      sw: "Hadithi ya {store} ilianza mwaka {year} mjini {place}, kwa lengo rahisi: kugeuza ujuzi wa wenyeji kuwa ajira ya kudumu yenye malipo ya haki. Leo biashara hii ya kijamii inawapatia riziki watu {people}, wengi wao wakiwa wanawake na vijana ambao hapo awali walikuwa na fursa chache.",
    },
    studio: {
      en: "{store} began in {year} in {place}, when an artist set out to keep an old craft alive while giving it a fresh voice. The studio has since grown to a team of {people}, and every piece is still sketched, tested and finished by hand.",
      zh: "{store}于{year}年在{place}创办，创办者是一位艺术家，希望让一门古老的手艺延续下去，同时赋予它新的表达。如今工作室已发展到{people}人，每件作品仍由手工起稿、打样和完成。",
      fr: "{store} : tout commence en {year} à {place}, quand un artiste décide de faire vivre un savoir-faire ancien tout en lui donnant une voix nouvelle. L'atelier réunit aujourd'hui {people} personnes, et chaque pièce y est toujours dessinée, essayée et finie à la main.",
      ar: "بدأت حكاية {store} عام {year} في {place}، حين أراد فنانٌ أن يحافظ على حرفة قديمة وأن يمنحها في الوقت نفسه روحًا جديدة. واليوم يبلغ عدد أفراد فريق المرسم {people}، وما زالت كل قطعة تُرسم وتُجرَّب وتُنجَز باليد.",
      pt: "{store}: tudo começou em {year} na cidade de {place}, quando um artista decidiu manter viva uma arte antiga e, ao mesmo tempo, dar-lhe uma voz nova. Hoje o estúdio reúne {people} pessoas, e cada peça continua a ser desenhada, testada e acabada à mão.",
      sw: "Hadithi ya {store} ilianza mwaka {year} mjini {place}, pale msanii mmoja alipoamua kuuhifadhi ufundi wa kale huku akiupa sura mpya. Leo studio hii ina watu {people}, na kila kazi bado huchorwa, hujaribiwa na kukamilishwa kwa mkono.",
    },
  },

  craft: {
    coffee: {
      en: "The coffee grows on small plots, is picked cherry by cherry when ripe, dried in the sun and roasted in small batches so that every lot keeps its own character.",
      zh: "咖啡种植在小块园地里，果实成熟后逐颗手工采摘，在阳光下晾干，再小批量烘焙，让每一批都保有自己的风味。",
      fr: "Le café pousse sur de petites parcelles ; les cerises sont cueillies une à une à maturité, séchées au soleil puis torréfiées en petites quantités, pour que chaque lot garde son caractère.",
      ar: "يُزرع البنّ في حقول صغيرة، وتُقطف ثماره حبّةً حبّة حين تنضج، ثم تُجفَّف تحت الشمس وتُحمَّص على دفعات صغيرة كي تحتفظ كل دفعة بطابعها الخاص.",
      pt: "O café cresce em pequenas parcelas, é colhido grão a grão quando está maduro, seco ao sol e torrado em pequenas quantidades, para que cada lote mantenha o seu carácter próprio.",
      sw: "Kahawa hulimwa kwenye mashamba madogo, buni huchumwa moja moja zinapoiva, hukaushwa juani na kukaangwa kwa kiasi kidogo ili kila kundi libaki na ladha yake ya kipekee.",
    },
    tea: {
      en: "The leaves and flowers are picked by hand, dried slowly in the shade and blended in small batches, so that every cup tastes of the place where they grew.",
      zh: "茶叶和花朵均为手工采摘，在阴凉处慢慢晾干，再小批量调配，让每一杯都带着它们生长之地的味道。",
      fr: "Feuilles et fleurs sont cueillies à la main, séchées lentement à l'ombre et assemblées en petites quantités, pour que chaque tasse ait le goût de la terre qui les a vues pousser.",
      ar: "تُقطف الأوراق والأزهار باليد، وتُجفَّف ببطء في الظل، ثم تُمزج على دفعات صغيرة، ليحمل كل فنجان نكهة المكان الذي نبتت فيه.",
      pt: "As folhas e as flores são colhidas à mão, secas lentamente à sombra e misturadas em pequenas quantidades, para que cada infusão tenha o sabor do lugar onde cresceram.",
      sw: "Majani na maua huchumwa kwa mikono, hukaushwa taratibu kivulini na kuchanganywa kwa kiasi kidogo, ili kila kikombe kiwe na ladha ya mahali yalipoota.",
    },
    spices: {
      en: "The spices come straight from the growers; they are dried in the sun, cleaned by hand and ground in small quantities, so the aroma is still vivid when the jar is opened.",
      zh: "香料直接从种植户手中收购，经日晒、手工挑拣后少量研磨，开罐时香气依旧浓郁鲜明。",
      fr: "Les épices viennent directement des producteurs : séchées au soleil, triées à la main et moulues en petites quantités, elles gardent tout leur parfum jusqu'à l'ouverture du bocal.",
      ar: "تأتي التوابل مباشرة من المزارعين، فتُجفَّف تحت الشمس وتُنقّى باليد وتُطحن بكميات صغيرة، لتبقى رائحتها نفّاذة حين تُفتح العلبة.",
      pt: "As especiarias chegam diretamente dos produtores: são secas ao sol, escolhidas à mão e moídas em pequenas quantidades, para que o aroma continue intenso quando se abre o frasco.",
      sw: "Viungo hununuliwa moja kwa moja kutoka kwa wakulima, hukaushwa juani, husafishwa kwa mikono na kusagwa kwa kiasi kidogo, ili harufu yake ibaki kali chupa inapofunguliwa.",
    },
    skincare: {
      en: "The oils and butters are pressed and whipped by hand from nuts and seeds gathered nearby, following recipes handed down through generations, with nothing artificial added.",
      zh: "油脂以附近采集的果仁和种子为原料，按照世代相传的配方手工压榨、搅打而成，不添加任何人工成分。",
      fr: "Huiles et beurres sont pressés et fouettés à la main à partir de noix et de graines récoltées alentour, selon des recettes transmises de génération en génération, sans rien d'artificiel.",
      ar: "تُعصر الزيوت والزبدات النباتية وتُخفق باليد من بذور وثمار تُجمع من المناطق المجاورة، وفق وصفات توارثتها الأجيال، من دون أي إضافات صناعية.",
      pt: "Os óleos e as manteigas são prensados e batidos à mão a partir de frutos e sementes colhidos na região, segundo receitas passadas de geração em geração, sem nada de artificial.",
      sw: "Mafuta na siagi za asili hukamuliwa na kupigwa kwa mikono kutoka kwa kokwa na mbegu zinazokusanywa karibu, kwa kufuata mbinu zilizorithishwa kizazi hadi kizazi, bila kuongeza kemikali yoyote.",
    },
    textiles: {
      en: "Each cloth is woven, dyed or printed by hand, and a single length can take days to finish; its patterns carry names and meanings that older artisans still teach the young.",
      zh: "每一块布都经手工织造、染色或印制，一匹布往往要花上好几天才能完成；布上的纹样各有名字与寓意，至今仍由老一辈匠人传授给年轻人。",
      fr: "Chaque étoffe est tissée, teinte ou imprimée à la main, et une seule pièce peut demander plusieurs jours de travail ; ses motifs portent des noms et des significations que les anciens transmettent encore aux plus jeunes.",
      ar: "يُنسج كل قماش أو يُصبغ أو يُطبع باليد، وقد تستغرق القطعة الواحدة أيامًا حتى تكتمل؛ ولكل نقشة اسمٌ ومعنى ما زال الحرفيون الكبار يعلّمونهما للشباب.",
      pt: "Cada pano é tecido, tingido ou estampado à mão, e uma só peça pode levar dias a ficar pronta; os padrões têm nomes e significados que os artesãos mais velhos continuam a ensinar aos mais novos.",
      sw: "Kila kitambaa hufumwa, hutiwa rangi au huchapishwa kwa mkono, na kipande kimoja kinaweza kuchukua siku kadhaa kukamilika; michoro yake ina majina na maana ambazo mafundi wazee bado huwafundisha vijana.",
    },
    crafts: {
      en: "Every piece is made by hand from local materials — grass, wood, clay, fibre or metal — using techniques learned from parents and grandparents, so no two are ever quite alike.",
      zh: "每件作品都以当地材料手工制成——草、木、陶土、纤维或金属——沿用从父辈和祖辈那里学来的技艺，因此没有两件完全相同。",
      fr: "Chaque pièce est façonnée à la main à partir de matériaux locaux — herbes, bois, argile, fibres ou métal — selon des techniques apprises des parents et des grands-parents, si bien qu'aucune n'est tout à fait identique à une autre.",
      ar: "تُصنع كل قطعة يدويًّا من خامات محلية، من العشب والخشب والطين والألياف والمعدن، بتقنيات تعلّمها الحرفيون من آبائهم وأجدادهم، فلا تتشابه قطعتان تمامًا.",
      pt: "Cada peça é feita à mão com materiais locais — palha, madeira, barro, fibras ou metal — segundo técnicas aprendidas com pais e avós, por isso não há duas iguais.",
      sw: "Kila kipande hutengenezwa kwa mkono kwa malighafi za hapa nyumbani — nyasi, mbao, udongo, nyuzi au chuma — kwa mbinu zilizofunzwa na wazazi na mababu, hivyo hakuna viwili vinavyofanana kabisa.",
    },
    art: {
      en: "The artists draw on the symbols, stories and colours around them, and each work is made as a single piece or in a very small series, signed and documented.",
      zh: "艺术家们从身边的符号、故事与色彩中汲取灵感，每件作品或为孤品，或仅限极少量创作，均有签名和出处记录。",
      fr: "Les artistes puisent dans les symboles, les récits et les couleurs qui les entourent ; chaque œuvre est une pièce unique ou fait partie d'une toute petite série, signée et documentée.",
      ar: "يستلهم الفنانون الرموز والحكايات والألوان التي تحيط بهم، وكل عمل إما قطعة فريدة أو جزء من سلسلة صغيرة جدًّا، موقَّع وموثَّق.",
      pt: "Os artistas inspiram-se nos símbolos, nas histórias e nas cores que os rodeiam, e cada obra é uma peça única ou faz parte de uma série muito pequena, assinada e documentada.",
      sw: "Wasanii huchota msukumo kutoka kwa alama, hadithi na rangi zinazowazunguka, na kila kazi ni ya kipekee au sehemu ya mfululizo mdogo sana, ikiwa imetiwa sahihi na kuwekewa kumbukumbu.",
    },
    jewellery: {
      en: "Each piece is shaped by hand — metal hammered, cast or drawn into wire, beads strung one by one — following designs that have marked weddings, journeys and coming of age for generations.",
      zh: "每件首饰都由手工打造：金属经锤锻、浇铸或拉成细丝，珠子一颗颗串起，所用的纹样世世代代伴随着婚礼、远行和成年礼。",
      fr: "Chaque bijou est façonné à la main — métal martelé, coulé ou étiré en fil, perles enfilées une à une — selon des modèles qui accompagnent depuis des générations les mariages, les voyages et le passage à l'âge adulte.",
      ar: "تُصاغ كل قطعة باليد: يُطرق المعدن أو يُصبّ أو يُسحب أسلاكًا، وتُنظم الخرزات واحدةً تلو الأخرى، وفق تصاميم رافقت الأعراس والأسفار وبلوغ سن الرشد جيلًا بعد جيل.",
      pt: "Cada peça é moldada à mão — metal martelado, fundido ou puxado em fio, contas enfiadas uma a uma — segundo desenhos que há gerações acompanham casamentos, viagens e a passagem à idade adulta.",
      sw: "Kila pambo hutengenezwa kwa mkono: chuma hufuliwa, huyeyushwa na kumiminwa au huvutwa kuwa waya, na shanga hutungwa moja moja, kwa kufuata miundo ambayo kwa vizazi vingi imepamba harusi, safari na sherehe za kuingia utu uzima.",
    },
    foods: {
      en: "The produce is harvested at its peak, prepared with care close to where it grows and packed without shortcuts, so it tastes as good far from home as it does at the local market.",
      zh: "食材在最佳时节采收，就近精心加工，包装环节也从不偷工减料，即使远渡重洋，风味也与当地集市上别无二致。",
      fr: "Les produits sont récoltés à pleine maturité, préparés avec soin près de l'endroit où ils poussent et conditionnés sans raccourci, pour qu'ils aient aussi bon goût loin de chez eux qu'au marché du coin.",
      ar: "تُجنى المحاصيل في أوج نضجها، وتُحضَّر بعناية قرب المكان الذي تنمو فيه، وتُعبّأ دون أي استعجال، لتصل إلى المائدة البعيدة بالطعم نفسه الذي تُعرف به في السوق المحلية.",
      pt: "Os produtos são colhidos no ponto certo, preparados com cuidado perto de onde crescem e embalados sem atalhos, para que saibam tão bem longe de casa como no mercado local.",
      sw: "Mazao huvunwa yakiwa yamekomaa vizuri, huandaliwa kwa uangalifu karibu na mahali yanapolimwa na hufungashwa bila njia za mkato, ili yawe matamu mbali na nyumbani kama yalivyo katika soko la mtaani.",
    },
    beauty: {
      en: "The beauty products are made from plants, clays, resins and flowers used in the region for centuries, blended in small batches and tried first on the team's own skin and hair.",
      zh: "这些美妆产品取材于当地沿用了数百年的植物、黏土、树脂和花卉，小批量调配，并由团队成员先在自己的皮肤和头发上试用。",
      fr: "Les produits de beauté sont élaborés à partir de plantes, d'argiles, de résines et de fleurs utilisées dans la région depuis des siècles, mélangés en petites quantités et d'abord testés par l'équipe sur sa propre peau et ses propres cheveux.",
      ar: "تُصنع مستحضرات التجميل من نباتات وأطيان وراتنجات وأزهار تُستعمل في المنطقة منذ قرون، وتُمزج على دفعات صغيرة، ويجرّبها أفراد الفريق أولًا على بشرتهم وشعرهم.",
      pt: "Os produtos de beleza são feitos com plantas, argilas, resinas e flores usadas na região há séculos, misturados em pequenas quantidades e experimentados primeiro pela própria equipa, na sua pele e no seu cabelo.",
      sw: "Bidhaa za urembo hutengenezwa kwa mimea, udongo wa asili, utomvu na maua ambayo yametumika katika eneo hili kwa karne nyingi; huchanganywa kwa kiasi kidogo na kujaribiwa kwanza na wafanyakazi wenyewe kwenye ngozi na nywele zao.",
    },
    leather: {
      en: "The hides are tanned slowly with plant-based methods, then cut, stitched and tooled by hand, so every bag, pouf or pair of sandals softens and deepens in colour with use.",
      zh: "皮革采用植物鞣制法慢慢鞣制，再经手工裁剪、缝制和压花，因此每只包、每个坐墩、每双凉鞋都会越用越柔软，色泽也越发温润。",
      fr: "Les peaux sont tannées lentement avec des procédés végétaux, puis coupées, cousues et travaillées à la main : chaque sac, pouf ou paire de sandales s'assouplit et se patine avec le temps.",
      ar: "تُدبغ الجلود ببطء بمواد نباتية، ثم تُقصّ وتُخاط وتُزخرف باليد، فتكتسب الحقائب والبوفات والصنادل ليونةً ولونًا أعمق مع الاستعمال.",
      pt: "As peles são curtidas lentamente com métodos vegetais e depois cortadas, cosidas e trabalhadas à mão, por isso cada bolsa, pufe ou par de sandálias fica mais macio e ganha cor com o uso.",
      sw: "Ngozi husindikwa polepole kwa dawa za mimea, kisha hukatwa, hushonwa na kupambwa kwa mkono, hivyo mikoba, mito ya kukalia na makubadhi hulainika na kupata rangi ya kina zaidi kadiri yanavyotumiwa.",
    },
    home: {
      en: "Every piece for the home is thrown, carved, glazed or woven by hand, made for everyday use and to bring a little of {place} into kitchens and living rooms far away.",
      zh: "每一件家居用品都经手工拉坯、雕刻、上釉或编织，既是日常器物，也把一缕{place}的气息带进远方的厨房和客厅。",
      fr: "Chaque objet pour la maison est tourné, sculpté, émaillé ou tissé à la main, pensé pour servir au quotidien et pour apporter, dans des cuisines et des salons lointains, un peu de l'âme du lieu où il est né.",
      ar: "تُشكَّل كل قطعة منزلية باليد، على دولاب الفخّار أو بالنحت أو التزجيج أو النسج، لتُستعمل كل يوم ولتحمل شيئًا من روح {place} إلى مطابخ وغرف جلوس بعيدة.",
      pt: "Cada peça para a casa é torneada, esculpida, vidrada ou tecida à mão, feita para o uso diário e para levar a cozinhas e salas distantes um pouco da alma do lugar onde nasceu.",
      sw: "Kila kifaa cha nyumbani hufinyangwa, huchongwa, hupakwa rangi ya kung'aa au hufumwa kwa mkono; kimetengenezwa kwa matumizi ya kila siku na kupeleka kipande kidogo cha {place} hadi majumbani mwa watu walio mbali.",
    },
  },

  closing: [
    {
      en: "Every order shipped to China or elsewhere in Africa carries the name of the person who made it.",
      zh: "每一份发往中国或非洲各地的订单，都附有制作者的名字。",
      fr: "Dans chaque colis envoyé en Chine ou ailleurs en Afrique, une carte indique le nom de la personne qui a fabriqué l'objet.",
      ar: "وكل طلب يُشحن إلى الصين أو إلى أي مكان آخر في أفريقيا يحمل اسم من صنعه.",
      pt: "Cada encomenda enviada para a China ou para outros pontos de África leva consigo o nome de quem fez cada peça.",
      sw: "Kila agizo linalotumwa China au kwingineko barani Afrika huambatana na jina la fundi aliyetengeneza bidhaa.",
    },
    {
      en: "Buying from {store} means the makers are paid fairly and their craft can pass to the next generation.",
      zh: "选购{store}的产品，意味着匠人能获得公平的报酬，他们的手艺也得以传给下一代。",
      fr: "Chaque achat garantit aux artisans une juste rémunération et aide leur savoir-faire à passer à la génération suivante.",
      ar: "والشراء من {store} يعني أن يحصل الحرفيون على أجر عادل، وأن تنتقل حرفتهم إلى الجيل القادم.",
      pt: "Cada compra garante aos artesãos uma remuneração justa e ajuda a passar o ofício à geração seguinte.",
      sw: "Kununua kutoka kwa {store} kunamaanisha mafundi wanalipwa kwa haki na ufundi wao unarithishwa kwa kizazi kijacho.",
    },
    {
      en: "Visitors to {place} are always welcome to drop in, though most customers now find the work online, in China and right across Africa.",
      zh: "来到{place}的客人随时欢迎登门参观，不过如今大多数顾客是在网上发现这些作品的，他们遍布中国和非洲各地。",
      fr: "Les visiteurs de passage à {place} sont toujours les bienvenus, même si la plupart des clients découvrent aujourd'hui ce travail en ligne, en Chine comme partout en Afrique.",
      ar: "ويسعد الفريق دائمًا باستقبال زوّار {place}، وإن كان معظم الزبائن اليوم يكتشفون هذه الأعمال عبر الإنترنت، في الصين وفي أنحاء أفريقيا كافة.",
      pt: "Quem passa pela cidade de {place} é sempre bem-vindo, embora hoje a maioria dos clientes descubra este trabalho pela internet, na China e um pouco por toda a África.",
      sw: "Wageni wanaotembelea {place} hukaribishwa kila wakati, ingawa siku hizi wateja wengi hugundua kazi hizi mtandaoni, nchini China na kote barani Afrika.",
    },
    {
      en: "The next goal is to train more young apprentices, so that these skills stay alive in {country} for years to come.",
      zh: "下一个目标是培养更多年轻学徒，让这些技艺在{country}长久传承下去。",
      fr: "Prochaine étape : former davantage de jeunes apprentis, pour que ce savoir-faire reste bien vivant dans les années à venir.",
      ar: "والهدف التالي هو تدريب مزيد من الشباب، كي تبقى هذه المهارات حيّة في {country} لسنوات طويلة قادمة.",
      pt: "O próximo passo é formar mais jovens aprendizes, para que este saber continue vivo durante muitos anos.",
      sw: "Lengo linalofuata ni kuwafunza vijana wengi zaidi, ili ujuzi huu uendelee kuishi nchini {country} kwa miaka mingi ijayo.",
    },
    {
      en: "Much has changed since {year}, but the promise has not: honest materials, careful hands and a fair price.",
      zh: "自{year}年以来，很多事情都变了，但初心未改：真材实料、用心手作、价格公道。",
      fr: "Beaucoup de choses ont changé depuis {year}, mais pas la promesse : des matières honnêtes, des mains attentives et un prix juste.",
      ar: "لقد تغيّر الكثير منذ عام {year}، لكن الوعد بقي كما هو: خامات صادقة، وأيادٍ متقنة، وسعر عادل.",
      pt: "Muito mudou desde {year}, mas a promessa mantém-se: materiais honestos, mãos cuidadosas e um preço justo.",
      sw: "Mengi yamebadilika tangu mwaka {year}, lakini ahadi imebaki ileile: malighafi halisi, mikono makini na bei ya haki.",
    },
    {
      en: "Each item is checked by hand before it is packed, so that it arrives in perfect condition, however far it travels.",
      zh: "每件商品在包装前都经过人工逐一检查，无论路途多远，都能完好送达。",
      fr: "Chaque article est vérifié à la main avant d'être emballé, pour arriver en parfait état, si loin qu'il voyage.",
      ar: "وتُفحص كل قطعة باليد قبل تغليفها، لتصل سليمة مهما بعدت المسافة.",
      pt: "Cada artigo é verificado à mão antes de ser embalado, para chegar em perfeito estado, por mais longe que vá.",
      sw: "Kila bidhaa hukaguliwa kwa mkono kabla ya kufungashwa, ili ifike ikiwa salama, hata iende mbali kiasi gani.",
    },
  ],
};
