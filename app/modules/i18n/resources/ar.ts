import auth from "./auth/ar";
import catalog from "./catalog/ar";
import checkout from "./checkout/ar";
import festivals from "./festivals/ar";
import feeds from "./feeds/ar";
import owner from "./owner/ar";
import programme from "./programme/ar";

/**
 * Arabic (Modern Standard) UI strings. Same keys as en.ts; plural keys use
 * all six categories Intl.PluralRules gives Arabic: `_zero`, `_one`, `_two`,
 * `_few` (3–10), `_many` (11–99) and `_other` (100, 101, …).
 */
const ar = {
  site: {
    name: "معرض طريق الحرير",
    tagline: "100 متجر أفريقي · 1000 منتج أفريقي",
    description:
      "تسوّق منتجات عالية الجودة من 100 متجر أفريقي مختار، مع مهرجانات للتسوق الإلكتروني للمتسوقين في الصين وفي جميع أنحاء أفريقيا.",
  },
  nav: {
    skip: "انتقل إلى المحتوى",
    home: "الرئيسية",
    stores: "المتاجر",
    products: "المنتجات",
    main: "القائمة الرئيسية",
    language: "اللغة",
    breadcrumb: "مسار التنقل",
    festivals: "المهرجانات",
    countries: "البلدان",
  },
  home: {
    title: "متاجر ومنتجات أفريقية بأسعار المهرجان",
    heroTitle: "أفضل ما في أفريقيا، من صانعيه مباشرةً",
    heroText:
      "قهوة من مرتفعات إثيوبيا، وزبدة الشيا من بوركينا فاسو، وقماش الكِنتي من غانا: 100 متجر أفريقي تعرض 1000 منتج، بأسعار المهرجان للمتسوقين في الصين وفي جميع أنحاء أفريقيا.",
    ctaProducts: "تصفّح المنتجات",
    ctaStores: "تعرّف على المتاجر",
    categories: "تسوّق حسب الفئة",
    featuredStores: "متاجر مميزة",
    pavilions: "أجنحة الدول",
    newProducts: "وصل حديثًا",
    viewAll: "عرض الكل",
  },
  tracker: {
    shopperTitle: "المعرض اليوم",
    storesTakingPart: "المتاجر المشاركة",
    productsOnSale: "المنتجات المعروضة للبيع",
    title: "تقدّم الحملة",
    stores: "المتاجر النشطة",
    products: "المنتجات المعروضة",
    countries: "الدول",
    progress: "{{value}} من {{target}}",
    shareOfGoal: "{{percent}}٪ من هدف الحملة البالغ {{target}}",
  },
  festival: {
    label: "مهرجان التسوق",
    state: {
      upcoming: "قريبًا",
      warmup: "مرحلة التمهيد",
      live: "جارٍ الآن",
      encore: "تمديد العروض",
      ended: "انتهى",
    },
    countdown: {
      saleStarts: "تبدأ التخفيضات خلال",
      saleEnds: "تنتهي التخفيضات خلال",
      encoreStarts: "يبدأ تمديد العروض خلال",
      encoreEnds: "ينتهي تمديد العروض خلال",
    },
    at: {
      saleStarts: "بداية التخفيضات",
      saleEnds: "نهاية التخفيضات",
      encoreStarts: "بداية تمديد العروض",
      encoreEnds: "نهاية تمديد العروض",
    },
    whenIn: "{{event}} ({{zone}})",
    encoreFollows: "تنتهي أسعار العروض بانتهاء التخفيضات، ويليها تمديد للعروض حتى {{date}}.",
    orders: "الطلبات",
    units: "القطع المبيعة",
    gmv: "المبيعات",
    target: "الهدف: {{value}}",
    yourTime: "توقيتك المحلي",
    deal: "عرض المهرجان",
    dealsCount_zero: "لا توجد عروض في المهرجان",
    dealsCount_one: "عرض واحد في المهرجان",
    dealsCount_two: "عرضان في المهرجان",
    dealsCount_few: "{{count}} عروض في المهرجان",
    dealsCount_many: "{{count}} عرضًا في المهرجان",
    dealsCount_other: "{{count}} عرض في المهرجان",
  },
  stores: {
    title: "متاجر أفريقية",
    listHeading: "قائمة المتاجر",
    description:
      "تعرّف على 100 متجر مختار في حملة طريق الحرير للتجارة الإلكترونية، من التعاونيات إلى الورش العائلية.",
    count_zero: "لا توجد متاجر",
    count_one: "متجر واحد",
    count_two: "متجران",
    count_few: "{{count}} متاجر",
    count_many: "{{count}} متجرًا",
    count_other: "{{count}} متجر",
  },
  store: {
    founded: "منذ عام {{year}}",
    location: "{{city}}، {{country}}",
    story: "قصتنا",
    products: "منتجات هذا المتجر",
    productsCount_zero: "لا توجد منتجات",
    productsCount_one: "منتج واحد",
    productsCount_two: "منتجان",
    productsCount_few: "{{count}} منتجات",
    productsCount_many: "{{count}} منتجًا",
    productsCount_other: "{{count}} منتج",
    visit: "زيارة المتجر",
  },
  products: {
    title: "منتجات أفريقية",
    description:
      "قهوة وشاي وتوابل وزبدة شيا ومنسوجات ومشغولات يدوية وغيرها الكثير، مباشرةً من 100 متجر أفريقي.",
    count_zero: "لا توجد منتجات",
    count_one: "منتج واحد",
    count_two: "منتجان",
    count_few: "{{count}} منتجات",
    count_many: "{{count}} منتجًا",
    count_other: "{{count}} منتج",
  },
  product: {
    price: "السعر",
    dealPrice: "سعر المهرجان",
    regularPrice: "السعر العادي",
    save: "وفّر {{percent}}٪",
    inStock: "متوفر",
    lowStock_zero: "لم تتبقَّ أي قطعة",
    lowStock_one: "لم تتبقَّ سوى قطعة واحدة",
    lowStock_two: "لم تتبقَّ سوى قطعتين",
    lowStock_few: "لم تتبقَّ سوى {{count}} قطع",
    lowStock_many: "لم تتبقَّ سوى {{count}} قطعة",
    lowStock_other: "لم تتبقَّ سوى {{count}} قطعة",
    outOfStock: "نفدت الكمية",
    origin: "بلد المنشأ",
    category: "الفئة",
    soldBy: "البائع",
    dealEndsIn: "ينتهي العرض خلال",
    moreFromStore: "المزيد من {{store}}",
    gallery: {
      label: "الصور ({{count}})",
      photo: "{{name}}، الصورة {{n}} من {{count}}",
      show: "اعرض الصورة {{n}} من {{count}}",
    },
    details: "التفاصيل",
    convertedNote: "الأسعار بعملة {{currency}}، محوّلة من {{base}} وفق سعر الصرف بتاريخ {{date}}.",
  },
  content: {
    fallback: "لم يُترجم بعد، لذا يُعرض باللغة الإنجليزية.",
  },
  pagination: {
    label: "ترقيم الصفحات",
    previous: "السابق",
    next: "التالي",
    page: "الصفحة {{page}} من {{pages}}",
  },
  crossSite: {
    title: "تم رفض الطلب",
    text: "أُرسل هذا النموذج من موقع آخر، لذلك لم ننفّذه. ارجع إلى الصفحة في معرض طريق الحرير وحاول مرة أخرى.",
  },
  notFound: {
    title: "الصفحة غير موجودة",
    text: "تعذّر العثور على هذه الصفحة. ربما نُقلت، أو ربما كُتب العنوان بشكل خاطئ.",
    back: "العودة إلى الصفحة الرئيسية",
    searchTitle: "ابحث في المعرض",
    suggestions: "ربما كنت تبحث عن",
    categories: "فئات رائجة",
    festival: "مهرجان التسوق",
    products: "وصل حديثًا",
  },
  badRequest: {
    title: "تعذّرت قراءة هذا النموذج",
    unreadable: "ما أُرسل ليس نموذجًا تستطيع هذه الصفحة قراءته. ارجع واملأ النموذج من جديد ثم أرسله.",
    tooLarge: "ما أُرسل أكبر من أن يقبله هذا النموذج. اختصر النص ثم أرسله مرة أخرى.",
    contentType: "لا تقبل هذه الصفحة إلا النموذج المُرسَل من صفحتها. ارجع واستخدم النموذج.",
    repeated: "أُرسل أحد حقول هذا النموذج أكثر من مرة. ارجع وأرسل النموذج مرة أخرى.",
    fieldName: "احتوى النموذج على حقل لا تستخدمه هذه الصفحة. ارجع وأرسل النموذج مرة أخرى.",
    file: "لا يقبل هذا النموذج الملفات. ارجع وأرسل النموذج من دون ملف.",
  },
  error: {
    title: "حدث خطأ ما",
    text: "يُرجى المحاولة مرة أخرى بعد قليل.",
  },
  countries: {
    title: "أجنحة البلدان",
    intro: "البلدان الأفريقية التي تبيع متاجرها في المعرض. يجمع كل جناح متاجر البلد ومنتجاته.",
  },
  footer: {
    about:
      "معرض طريق الحرير هو الواجهة التجارية لحملة طريق الحرير للتجارة الإلكترونية: 100 متجر أفريقي و1000 منتج أفريقي للمتسوقين في الصين وفي جميع أنحاء أفريقيا.",
    demo: "نسخة تجريبية: تتم المدفوعات عبر مزوّد دفع تجريبي مدمج، ولا تُحوَّل أي أموال حقيقية.",
    rights: "صُنع بالتعاون مع متاجر وصنّاع من {{count}} دولة أفريقية.",
    help: "المساعدة",
    explore: "استكشف",
    payments: "الدفع",
    paymentsStripe: "نقبل البطاقات (فيزا وماستركارد وغيرهما) عبر Stripe، وAlipay وWeChat Pay عند الدفع باليوان (CNY).",
    pages: {
      contact: "اتصل بنا",
      shipping: "الشحن",
      returns: "الإرجاع واسترداد المال",
      privacy: "الخصوصية",
    },
  },
  // Feature namespaces, one folder each, so features can grow without touching this file.
  auth,
  catalog,
  checkout,
  festivals,
  feeds,
  owner,
  programme,
};

export default ar;
