/** @file
 *  @brief SourceExtractor: datelines, المصدر lines, title suffixes and agencies cited in the body,
 *  in the shapes Arabic news sites print them.
 */
#include <xapian_arabic/source_extractor.h>

#include <catch2/catch.hpp>

using namespace xapian_arabic;

namespace {

const SourceExtractor& extractor() {
  static const SourceExtractor e;
  return e;
}

std::string describe(const std::vector<ExtractedSource>& found) {
  std::string out;
  for (const auto& s : found)
    out += std::string(to_string(s.kind)) + "{" + s.key + "|" + s.name + "|" + s.city + "|" + s.text + "} ";
  return out;
}

struct Row {
  const char* text;  ///< an article body (first line = the opening)
  SourceKind kind;
  const char* key;   ///< expected key ("" = no agency named)
  const char* city;  ///< expected dateline city ("" = none)
};

}  // namespace

// Each row: a body in a shape real Arabic news sites use, and the mention that must be found.
TEST_CASE("datelines in every common shape", "[sources]") {
  const Row rows[] = {
      {"موسكو-سانا\nأعلنت الرئاسة الروسية", SourceKind::dateline, "sana", "موسكو"},
      {"بغداد/ شبكة أخبار العراق- أشاد السفير الروسي", SourceKind::dateline, "iraqnews", "بغداد"},
      {"دمشق (وكالات الانباء) - قالت مصادر", SourceKind::dateline, "wires", "دمشق"},
      {"الرياض - واس: أعلنت وزارة الداخلية", SourceKind::dateline, "was", "الرياض"},
      {"القاهرة – أ ش أ\nقال وزير الخارجية", SourceKind::dateline, "mena", "القاهرة"},
      {"الرياض: «الشرق الأوسط»\nكشفت مصادر", SourceKind::dateline, "aawsat", "الرياض"},
      {"مكة المكرمة : واس\nدشن أمير المنطقة", SourceKind::dateline, "was", "مكة المكرمة"},
      {"مكة : واس\nدشن أمير المنطقة", SourceKind::dateline, "was", "مكة المكرمة"},
      {"بيروت : رويترز\nقال مسؤولون", SourceKind::dateline, "reuters", "بيروت"},
      {"لندن : (رويترز)\nارتفعت أسعار", SourceKind::dateline, "reuters", "لندن"},
      {"لندن : (د ب أ)\nأعلنت الشرطة", SourceKind::dateline, "dpa", "لندن"},
      {"سنغافورة :رويترز\nتراجعت أسعار النفط", SourceKind::dateline, "reuters", "سنغافورة"},
      {"صنعاء : د ب أ\nقتل خمسة", SourceKind::dateline, "dpa", "صنعاء"},
      {"واشنطن - د ب أ\nقال البيت الأبيض", SourceKind::dateline, "dpa", "واشنطن"},
      {"أنقرة: أ ف ب\nأعلنت الحكومة التركية", SourceKind::dateline, "afp", "أنقرة"},
      {"القاهرة:رويترز\nقالت مصادر", SourceKind::dateline, "reuters", "القاهرة"},
      {"تبوك - واس:\nرعى أمير منطقة تبوك", SourceKind::dateline, "was", "تبوك"},
      {"المدينة المنورة - واس\nاستقبل أمير المنطقة", SourceKind::dateline, "was", "المدينة المنورة"},
      {"لندن - رويترز:\nقال بنك إنجلترا", SourceKind::dateline, "reuters", "لندن"},
      {"جدة - وأس\nوصل إلى جدة", SourceKind::dateline, "was", "جدة"},
      {"واس - المنامة\nاستقبل ملك البحرين", SourceKind::dateline, "was", "المنامة"},
      {"أ ف ب - ريودي جانيرو\nفاز المنتخب", SourceKind::dateline, "afp", "ريو دي جانيرو"},
      {"د ب أ - لندن\nقالت الحكومة", SourceKind::dateline, "dpa", "لندن"},
      {"واس - سكاكا\nافتتح أمير منطقة الجوف", SourceKind::dateline, "was", "سكاكا"},
      {"عكاظ (جدة)\nكشفت مصادر", SourceKind::dateline, "okaz", "جدة"},
      {"«الاقتصادية» من الرياض\nارتفع المؤشر", SourceKind::dateline, "aleqtisadiya", "الرياض"},
      {"الاحساء-الوئام:\nنظمت جامعة الملك فيصل", SourceKind::dateline, "alweeam", "الأحساء"},
      {"لندن-الوئام:\nأظهرت دراسة", SourceKind::dateline, "alweeam", "لندن"},
      {"القاهرة - الوئام :\nقضت محكمة", SourceKind::dateline, "alweeam", "القاهرة"},
      {"اليوم - الدمام\nأطلقت أمانة المنطقة الشرقية", SourceKind::dateline, "alyaum", "الدمام"},
      {"سبق- الطائف:\nباشرت فرق الدفاع المدني", SourceKind::dateline, "sabq", "الطائف"},
      {"فايز الأسمري- سبق- الرياض:\nأعلنت وزارة", SourceKind::dateline, "sabq", "الرياض"},
      {"القاهرة (رويترز) - قال مسؤول", SourceKind::dateline, "reuters", "القاهرة"},
      {"واشنطن (أ ف ب) - أعلن البنتاغون", SourceKind::dateline, "afp", "واشنطن"},
      {"بيروت، 20 نوفمبر 2024 (أ ف ب) - قال", SourceKind::dateline, "afp", "بيروت"},
      {"غزة (الأناضول) – استشهد", SourceKind::dateline, "anadolu", "غزة"},
      {"رام الله - وفا\nأصيب شاب", SourceKind::dateline, "wafa", "رام الله"},
      {"عمان - بترا\nرعى رئيس الوزراء", SourceKind::dateline, "petra", "عمان"},
      {"الكويت - كونا\nأعلنت وزارة الصحة", SourceKind::dateline, "kuna", "الكويت"},
      {"الدوحة - قنا\nاستقبل أمير دولة قطر", SourceKind::dateline, "qna", "الدوحة"},
      {"أبوظبي - وام\nأصدر صاحب السمو", SourceKind::dateline, "wam", "أبوظبي"},
      {"أبو ظبي (وام) - أعلنت", SourceKind::dateline, "wam", "أبوظبي"},
      {"بغداد - واع\nأعلن المتحدث", SourceKind::dateline, "ina", "بغداد"},
      {"الخرطوم - سونا\nأكد رئيس مجلس السيادة", SourceKind::dateline, "suna", "الخرطوم"},
      {"بكين - شينخوا\nقالت وزارة الخارجية الصينية", SourceKind::dateline, "xinhua", "بكين"},
      {"موسكو - سبوتنيك\nقال الكرملين", SourceKind::dateline, "sputnik", "موسكو"},
      {"طهران - إرنا\nقال المتحدث", SourceKind::dateline, "irna", "طهران"},
      {"دير الزور - سانا\nواصلت وحدات الجيش", SourceKind::dateline, "sana", "دير الزور"},
      {"حلب-سانا\nأقيم في مدينة حلب", SourceKind::dateline, "sana", "حلب"},
      {"الرباط - لاماب\nترأس جلالة الملك", SourceKind::dateline, "map", "الرباط"},
      {"دبي- الرياضية\nحسم فريق", SourceKind::dateline, "arriyadiyah", "دبي"},
      {"الرياض ـ الرياضية\nتعاقد نادي", SourceKind::dateline, "arriyadiyah", "الرياض"},
      {"الجزيرة - الرياض:\nأوضح مدير", SourceKind::dateline, "aljazeera", "الرياض"},
      {"القدس المحتلة - الأناضول\nاقتحم مستوطنون", SourceKind::dateline, "anadolu", "القدس"},
      {"نيويورك - أسوشيتد برس\nتراجعت الأسهم", SourceKind::dateline, "ap", "نيويورك"},
      {"باريس - فرانس برس\nأعلن قصر الإليزيه", SourceKind::dateline, "afp", "باريس"},
      {"القاهرة - أعلنت وزارة الصحة المصرية اليوم", SourceKind::dateline, "", "القاهرة"},
      {"بيروت: نذير رضا\nقالت مصادر", SourceKind::dateline, "", "بيروت"},
      {"جازان - عبدالله عكور:\nدشن أمير منطقة جازان", SourceKind::dateline, "", "جازان"},
      {"جعفر الصفار – القطيف\nنظمت جمعية", SourceKind::dateline, "", "القطيف"},
      {"أحمد الشميري (صنعاء)\nأكدت مصادر", SourceKind::dateline, "", "صنعاء"},
      {"تونس (وات) - أعلنت وزارة الداخلية", SourceKind::dateline, "tap", "تونس"},
      {"دبي، الإمارات العربية المتحدة (CNN)-- وقعت شركتا", SourceKind::dateline, "cnn", "دبي"},
      {"(CNN)-- تعرضت فتاة", SourceKind::dateline, "cnn", ""},
      {"محمد السيد - سبق: قالت تقارير صحفية", SourceKind::dateline, "sabq", ""},
      {"ريف دمشق - سانا\nأقيم حفل", SourceKind::dateline, "sana", ""},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    const auto found = extractor().extract(row.text);
    INFO(describe(found));
    const auto it = std::find_if(found.begin(), found.end(), [&](const ExtractedSource& s) {
      return s.kind == row.kind && s.key == row.key && s.city == row.city;
    });
    CHECK(it != found.end());
  }
}

TEST_CASE("agencies cited in the body, canonical", "[sources]") {
  const Row rows[] = {
      {"قال مسؤول.\nونقلت سبوتنيك عن الرئاسة قولها", SourceKind::agency, "sputnik", ""},
      {"قال كيلين في تصريحات أوردتها وكالة أنباء (تاس) الروسية", SourceKind::agency, "tass", ""},
      {"وارتفعت الأسعار، حسبما أوردت رويترز.", SourceKind::agency, "reuters", ""},
      {"وذكرت وكالة الأنباء الفرنسية أن الحكومة", SourceKind::agency, "afp", ""},
      {"وقال مصدر لرويترز إن المحادثات مستمرة", SourceKind::agency, "reuters", ""},
      {"وأفادت وكالة فرانس برس بأن", SourceKind::agency, "afp", ""},
      {"وفق ما نقلته وكالة أسوشيتد برس", SourceKind::agency, "ap", ""},
      {"بحسب وكالة الأناضول التركية", SourceKind::agency, "anadolu", ""},
      {"وذكرت وكالة شينخوا الصينية", SourceKind::agency, "xinhua", ""},
      {"وقال لـ«الشرق الأوسط» إن القرار نهائي", SourceKind::agency, "aawsat", ""},
      {"وعلمت «الشرق الأوسط» من مصادر مطلعة", SourceKind::agency, "aawsat", ""},
      {"ونقلت صحيفة «الحياة» عن مصادر", SourceKind::agency, "alhayat", ""},
      {"وقالت قناة الجزيرة إن", SourceKind::agency, "aljazeera", ""},
      {"وذكرت وكالة الأنباء القطرية (قنا) أن", SourceKind::agency, "qna", ""},
      {"بحسب ما أوردت وكالة الأنباء السعودية", SourceKind::agency, "was", ""},
      {"وقالت مصادر لسكاي نيوز عربية إن", SourceKind::agency, "skynews", ""},
      {"ذكرت صحيفة نيويورك تايمز أن", SourceKind::agency, "nyt", ""},
      {"كما أفادت وكالة الأنباء الألمانية (د ب أ)", SourceKind::agency, "dpa", ""},
      {"حسب ما نقلته وكالة إنترفاكس", SourceKind::agency, "interfax", ""},
      {"ونقلت وكالة سانا عن مصدر عسكري", SourceKind::agency, "sana", ""},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    const auto found = extractor().extract(row.text);
    INFO(describe(found));
    CHECK(std::any_of(found.begin(), found.end(),
                      [&](const ExtractedSource& s) { return s.kind == row.kind && s.key == row.key; }));
  }
}

TEST_CASE("المصدر lines and title suffixes name the source", "[sources]") {
  const std::pair<const char*, const char*> lines[] = {
      {"نص الخبر.\nالمصدر: الوكالة العربية السورية للأنباء", "sana"},
      {"نص الخبر.\nالمصدر: شبكة اخبار العراق", "iraqnews"},
      {"نص.\nالمصدر : وكالات", "wires"},
      {"نص.\nالمصدر: سكاي نيوز عربية", "skynews"},
      {"نص.\nالمصدر: فرانس برس", "afp"},
      {"نص.\nالمصدر: اليوم السابع.", "youm7"},
  };
  for (const auto& [text, key] : lines) {
    const auto found = extractor().extract(text);
    INFO(text << " → " << describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == SourceKind::source);
    CHECK(found[0].key == key);
  }
  const auto unknown = extractor().extract("نص.\nالمصدر: موقع الحدث المحلي");
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].key.empty());
  CHECK(unknown[0].name == "موقع الحدث المحلي");

  const std::pair<const char*, const char*> titles[] = {
      {"ارتفاع أسعار الذهب اليوم - اليوم السابع", "youm7"}, {"مباحثات سعودية أمريكية | العربية", "alarabiya"},
      {"الرئيس يستقبل وفدا - بوابة الأهرام", "ahram"},      {"قمة العشرين تختتم أعمالها - عاجل", ""},
      {"قمة العشرين تختتم أعمالها - بي بي سي عربي", "bbc"}, {"انفجار في بيروت – سكاي نيوز عربية", "skynews"},
  };
  for (const auto& [title, key] : titles) {
    const auto found = extractor().extract("نص الخبر", title);
    INFO(title << " → " << describe(found));
    if (*key == '\0') {
      CHECK(found.empty());
    } else {
      REQUIRE(found.size() == 1);
      CHECK(found[0].kind == SourceKind::source);
      CHECK(found[0].key == key);
    }
  }
}

TEST_CASE("no false datelines or agencies", "[sources]") {
  const char* texts[] = {
      // A city name in running text is not a dateline.
      "أعلنت الحكومة أن الاجتماع سيعقد في القاهرة - الأسبوع المقبل.",
      "وصل الوزير إلى الرياض قادما من جدة.",
      "القاهرة تستضيف القمة العربية المقبلة",
      "عقد اجتماع موسع في بغداد حضره ممثلون عن المحافظات.",
      // Outlet names that are ordinary words, without a cue.
      "يبدأ العام الدراسي اليوم في جميع المدارس.",
      "وأكد على أهمية الحوار في الشرق الأوسط وفي العالم العربي.",
      "ويتحدث اللغة العربية بطلاقة.",
      "ويعيش في المدينة منذ عشرين عاما.",
      "وأصدرت الوزارة البيان الختامي للمؤتمر.",
      "وقد سبق للوزير أن زار المنطقة.",
      "وتسعى الحكومة لتحقيق الاتحاد بين الفصائل والحرية للشعب.",
      "زار السياح مدينة البتراء وشاهدوا معالمها.",
  };
  for (const char* text : texts) {
    const auto found = extractor().extract(std::string("عنوان فرعي.\n") + text);
    INFO(text << " → " << describe(found));
    CHECK(found.empty());
  }
  // Citations in an opening line are agencies, not datelines.
  const char* openings[] = {
      "وذكرت صحيفة (نيويورك تايمز) أن الشركة",
      "علمت «عكاظ» من مصادرها الخاصة أن",
      "وقالت وكالة «رويترز» إن",
  };
  for (const char* text : openings) {
    const auto found = extractor().extract(text);
    INFO(text << " → " << describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == SourceKind::agency);
  }
  // Lines in the middle of an article open with a dateline only in the CITY - AGENCY shape.
  const auto middle = extractor().extract("فقرة أولى.\nالقاهرة - أعلنت الوزارة.\nبيروت - رويترز: قال مسؤول.");
  INFO(describe(middle));
  REQUIRE(middle.size() == 1);
  CHECK(middle[0].city == "بيروت");
  CHECK(middle[0].key == "reuters");
}

TEST_CASE("spans point at the text as written", "[sources]") {
  const std::string text = "تاريخ النشر: 21 نوفمبر 2024\nموسكو-سانا\nونقلت سبوتنيك عن الرئاسة";
  const auto found = extractor().extract(text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].kind == SourceKind::dateline);
  CHECK(found[0].text == "موسكو-سانا");
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "موسكو-سانا");
  CHECK(found[1].text == "سبوتنيك");
  CHECK(text.substr(found[1].begin, found[1].end - found[1].begin) == "سبوتنيك");
}

TEST_CASE("extract_article: headline, header line with run-on dateline, related material", "[sources]") {
  const std::string text =
      "روسيا تؤكد على تعزيز علاقاتها مع العراق\n"
      "تاريخ النشر: 20th, November 2024 GMT\n"
      "آخر تحديث: 20 نونبر 2024 - 12:20 م بغداد/ شبكة أخبار العراق- أشاد السفير الروسي في العراق.\n"
      "المصدر: شبكة اخبار العراق\n"
      "إقرأ أيضاً:\n"
      "القاهرة - رويترز\n"
      "وقال في تصريحات أوردتها وكالة أنباء (تاس) الروسية";
  const auto found = SourceExtractor().extract_article(text);
  INFO(describe(found));
  REQUIRE(found.size() == 4);
  CHECK(found[0].kind == SourceKind::dateline);
  CHECK(found[0].city == "بغداد");
  CHECK(found[0].key == "iraqnews");
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "بغداد/ شبكة أخبار العراق");
  CHECK(found[1].kind == SourceKind::source);
  CHECK(found[1].key == "iraqnews");
  // After إقرأ أيضاً there are no datelines of this article, only cited agencies.
  CHECK(found[2].kind == SourceKind::agency);
  CHECK(found[2].key == "reuters");
  CHECK(found[3].key == "tass");
}

TEST_CASE("canonical names and aliases", "[sources]") {
  const SourceExtractor& e = extractor();
  for (const char* alias :
       {"سانا", "SANA", "sana", "الوكالة العربية السورية للانباء", "الوكالة العربيّة السوريّة للأنباء"}) {
    INFO(alias);
    const auto c = e.canonical(alias);
    REQUIRE(c);
    CHECK(c->first == "الوكالة العربية السورية للأنباء");
    CHECK(c->second == "sana");
  }
  CHECK(e.canonical("أناضول")->second == "anadolu");
  CHECK(e.canonical("الأناضول")->second == "anadolu");
  CHECK(e.canonical("فرانس برس")->second == "afp");
  CHECK(e.canonical("أ.ف.ب")->second == "afp");
  CHECK(e.canonical("skynews")->second == "skynews");
  CHECK(e.canonical("aawsat")->first == "الشرق الأوسط");
  CHECK_FALSE(e.canonical("صحيفة لا وجود لها"));
  const auto aliases = e.aliases_of("sana");
  CHECK(std::find(aliases.begin(), aliases.end(), "سانا") != aliases.end());
  CHECK(e.canonical_city("مكة") == "مكة المكرمة");
  CHECK(e.canonical_city("الاسكندرية") == "الإسكندرية");
}

TEST_CASE("a bad alias table is refused with its name", "[sources]") {
  SourceExtractorOptions options;
  options.aliases_file = std::string(XA_SOURCE_DIR) + "/config/sources/cities.txt";
  CHECK_THROWS_WITH(SourceExtractor(options), Catch::Contains("cities.txt"));
}

TEST_CASE("extract_article: a text that opens with a dateline has no headline", "[sources]") {
  const auto found = extractor().extract_article("موسكو-سانا\nقال مسؤول روسي أمس إن المحادثات مستمرة.");
  INFO(describe(found));
  REQUIRE(found.size() == 1);
  CHECK(found[0].kind == SourceKind::dateline);
  CHECK(found[0].key == "sana");
  CHECK(found[0].city == "موسكو");
  const auto titled = extractor().extract_article("غزة: مقتل 20 في غارة\nغزة - الأناضول\nاستشهد عشرون.");
  INFO(describe(titled));
  REQUIRE(titled.size() == 1);
  CHECK(titled[0].begin > 10);
}
