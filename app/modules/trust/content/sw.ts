import type { TrustTexts } from "../pages";

const sw: TrustTexts = {
  contact: {
    title: "Wasiliana nasi",
    description: "Nani anaendesha Silk Road Showcase na jinsi ya kutufikia kuhusu oda, duka au data yako.",
    body: `Silk Road Showcase ni duka la mtandaoni la kampeni ya Silk Road E-Commerce, inayoleta maduka 100 ya Kiafrika na bidhaa 1,000 za Kiafrika kwa wanunuzi wa China na Afrika nzima. Timu ndogo ya kampeni inaendesha maonyesho haya na matamasha yake ya ununuzi. Kila duka ni biashara huru ya Kiafrika inayotengeneza, kuuza na kutuma bidhaa zake yenyewe.

## Maswali kuhusu oda

- Pata oda yako wakati wowote kwa namba ya oda na barua pepe yako kwenye ukurasa wa [Tafuta oda]({{lookup}}): unaona ulichonunua, kama imelipwa na, duka likishaituma, namba ya ufuatiliaji.
- Kwa jambo jingine lolote, andika kwa [{{email}}](mailto:{{email}}) ukitaja namba ya oda. Tunapeleka ujumbe wako kwa duka husika na kuufuatilia hadi upate jibu.

## Kutuandikia

Andika kwa lugha yoyote kati ya sita za maonyesho: Kiingereza, Kichina, Kifaransa, Kiarabu, Kireno au Kiswahili. Tunajitahidi kujibu ndani ya siku mbili za kazi.

## Kuuza kwenye maonyesho

Mafundi, vyama vya ushirika na karakana za familia za Kiafrika wanaweza kuomba kujiunga na kampeni kupitia “Uza nasi” chini ya kila ukurasa. [Ukurasa wa maduka]({{stores}}) unaonyesha wanaouza hapa tayari.`,
  },
  shipping: {
    title: "Usafirishaji",
    description: "Jinsi maduka ya Kiafrika ya Silk Road Showcase yanavyotuma bidhaa zao China na Afrika nzima.",
    body: `## Nani anatuma kifurushi chako

Kila duka linafunga na kutuma bidhaa zake lenyewe kutoka karakana au ghala lake barani Afrika. Kwa hiyo oda yenye bidhaa za maduka kadhaa inafika kwa vifurushi kadhaa, kila kimoja kutoka duka lake.

## Tunapofikisha

Maduka yanatuma China na katika nchi za Afrika nzima. Ukurasa wa malipo unaorodhesha nchi unazoweza kuchagua kama anwani ya kupokelea.

## Gharama na muda wa kufikisha

Kila duka linaweka gharama yake ya usafirishaji na muda wa kufikisha kulingana na kifurushi kinakokwenda. Vyote viwili vinaonyeshwa kwa kila duka wakati wa malipo, kabla hujalipa, na jumla unayolipa inavijumuisha.

## Kufuatilia kifurushi chako

Duka linapotuma bidhaa zako, linaandika kampuni ya usafirishaji na namba ya ufuatiliaji. Ukurasa wa oda yako unaonyesha hivyo kwa kila mstari: uupate kupitia [Tafuta oda]({{lookup}}).

## Forodha, ushuru na kodi

Kifurushi kinachovuka mpaka kinaweza kufunguliwa na forodha, na nchi kinakokwenda inaweza kutoza ushuru au kodi ya kuingiza. Hulipwa na anayepokea kifurushi, isipokuwa ukurasa wa malipo useme vinginevyo. Baadhi ya bidhaa (vyakula, chai, viungo, vipodozi) lazima zifuate sheria za nchi zinakokwenda; maduka yanatoa usafirishaji pale tu yanapoweza kuzituma.

## Anwani sahihi

Andika anwani kamili kwa namna kampuni ya usafirishaji inavyotarajia, pamoja na namba ya simu: wasafirishaji nchini China na katika nchi nyingi za Afrika hupiga simu kabla ya kufikisha. Kifurushi kinachorudishwa kwa sababu ya anwani isiyo sahihi kinaweza kutumwa tena kwa gharama yako.

Maswali kuhusu usafirishaji: tazama [Wasiliana nasi]({{contact}}).`,
  },
  returns: {
    title: "Kurudisha na kurejeshewa pesa",
    description: "Jinsi ya kurudisha bidhaa uliyonunua Silk Road Showcase, na jinsi pesa zinavyorejeshwa.",
    body: `## Umebadilisha mawazo

Unaweza kuomba kurudisha bidhaa ndani ya **siku 14** tangu ilipofikishwa. Lazima iwe haijatumika na iko kwenye kifungashio chake cha asili. Andika kwa [{{email}}](mailto:{{email}}) ukitaja namba ya oda na mistari unayotaka kurudisha; duka litakuambia pa kuzituma. Gharama ya kurudisha bidhaa ni yako.

## Imeharibika, ina kasoro au si uliyoagiza

Tuambie ndani ya **siku 7** tangu kufikishwa, pamoja na namba ya oda na picha. Duka litabadilisha bidhaa au kurejesha pesa zote, pamoja na gharama ya usafirishaji, na hulipi chochote kuirudisha.

## Kisichorudishwa baada ya kufunguliwa

Kwa ajili ya usafi na usalama wa chakula: vyakula, chai, kahawa na viungo ambavyo kifungo chake kimevunjwa, pamoja na vipodozi na bidhaa za ngozi zilizofunguliwa. Vitu vilivyotengenezwa kwa oda yako haviwezi kurudishwa isipokuwa vina kasoro.

## Kurejeshewa pesa

Pesa zinarejeshwa kwenye kadi au akaunti uliyolipia, kwa sarafu uliyolipia, ndani ya siku 14 tangu duka lipokee bidhaa iliyorudishwa (au tangu tukubali kwamba bidhaa iliyoharibika haihitaji kurudishwa). Benki inaweza kuchukua siku chache zaidi kuzionyesha.

## Kughairi oda

Oda ambayo haijalipwa inaghairiwa yenyewe baada ya muda mfupi, na bidhaa zake zinarudi sokoni. Kughairi oda iliyolipwa kabla duka halijaituma, tuandikie ukitaja namba ya oda: utarejeshewa pesa zote.

Tazama pia [Usafirishaji]({{shipping}}) na [Wasiliana nasi]({{contact}}).`,
  },
  privacy: {
    title: "Faragha",
    description: "Data binafsi ambayo Silk Road Showcase inahifadhi, kwa nini, kwa muda gani, na vidakuzi inavyotumia.",
    body: `Timu ya kampeni inayoendesha maonyesho haya inawajibika kwa data binafsi iliyoelezwa hapa. Andika kwa [{{email}}](mailto:{{email}}) kwa swali lolote kuihusu.

## Unapoagiza

Ili kufikisha oda tunahifadhi jina lako, barua pepe, anwani ya kupokelea, namba ya simu (ukiitoa), ulichonunua, bei na sarafu, na lugha uliyoagizia. Duka linalotuma bidhaa linaona taarifa za kupokelea za mistari yake tu. Oda zinahifadhiwa kwa muda unaohitajika kwa usafirishaji, kurudisha bidhaa na hesabu za maduka.

## Malipo

Kwa malipo ya kadi, taarifa za kadi yako zinakwenda moja kwa moja kwa Stripe, mtoa huduma wetu wa malipo; hatuzioni wala kuzihifadhi kamwe. Tunahifadhi tu kumbukumbu ya malipo na kama yamefanikiwa. Maonyesho yanapoendeshwa kwa hali ya majaribio, hakuna taarifa za malipo zinazoombwa kabisa.

## Akaunti za wenye maduka na waandaaji

Wanunuzi hawahitaji akaunti. Wenye maduka na waandaaji wana akaunti: tunahifadhi jina, barua pepe na alama ya njia moja ya nenosiri (kamwe si nenosiri lenyewe). Kila kipindi cha kuingia kinaandika anwani na kivinjari kilichokifungua; kipindi kinaisha baada ya wiki moja bila kutumika, na hakidumu zaidi ya siku 30; kisha kinafutwa. Majaribio ya kuingia yanahesabiwa kwa kila anwani ili kuzuia kubahatisha nenosiri, na hesabu hizo zinafutwa baada ya siku moja. Mabadiliko yanayofanywa katika sehemu za wenye maduka na waandaaji yanaandikwa pamoja na anwani yalikotoka, ili yaweze kukaguliwa baadaye.

## Vidakuzi

Maonyesho yanatumia vidakuzi vinavyohitajika tu, na hakuna vya matangazo wala takwimu:

- **cart**: kikapu chako, kwa siku 60; kikapu kisichoguswa kwa siku 60 kinafutwa.
- **srs_session**: unapoingia tu, ili ubaki umeingia.
- **lang**: pale tu ukurasa wa mwanzo ulipochagua lugha yako kutoka mipangilio ya kivinjari chako, ili kuikumbuka (mwaka mmoja).

## Haki zako

Unaweza kuomba nakala ya data yako, kusahihishwa au kufutwa kwake kwa kuandika kwa [{{email}}](mailto:{{email}}). Tunafuta tunachoruhusiwa; oda iliyolipwa inahifadhiwa kwa muda ambao sheria inataka kwa hesabu.`,
  },
};

export default sw;
