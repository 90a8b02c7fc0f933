/** @file
 *  @brief SourceExtractor on outlets its alias table does not know: found by where they stand
 *  (headline suffix, credit line, dateline, paragraph end, after a cue), reported as written, and
 *  not confused with a city, a person or a phrase after a dash (issue 13 §1).
 */
#include <unistd.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/source_extractor.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

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

struct Expected {
  const char* title;  ///< headline ("" = none)
  const char* text;   ///< body, its first line the opening
  SourceKind kind;
  const char* name;  ///< as reported: the canonical name when known, else as written
  const char* key;   ///< "" = not in the alias table
  const char* city;  ///< dateline city ("" = none)
};

// Each expected mention must be among what extract() finds.
void check_found(const Expected& e) {
  INFO(e.title << " / " << e.text);
  const auto found = extractor().extract(e.text, e.title);
  INFO(describe(found));
  CHECK(std::any_of(found.begin(), found.end(), [&](const ExtractedSource& s) {
    return s.kind == e.kind && s.name == e.name && s.key == e.key && s.city == e.city;
  }));
}

// What is named in text: mentions with a name (a dateline city alone names no outlet).
std::vector<ExtractedSource> named(const std::vector<ExtractedSource>& found) {
  std::vector<ExtractedSource> out;
  std::copy_if(found.begin(), found.end(), std::back_inserter(out), [](const auto& s) { return !s.name.empty(); });
  return out;
}

}  // namespace

TEST_CASE("headline suffix: an outlet the table does not know, as written", "[sources][positions]") {
  const Expected rows[] = {
      {"ارتفاع أسعار الذهب في ختام التعاملات - صحيفة المدينة", "نص.", SourceKind::source, "المدينة", "almadina", ""},
      {"الحكومة تقر موازنة العام المقبل | موقع خبرني", "نص.", SourceKind::source, "موقع خبرني", "", ""},
      {"انخفاض درجات الحرارة في عموم المملكة – الوطن نيوز", "نص.", SourceKind::source, "الوطن نيوز", "", ""},
      {"مجلس الأمة يناقش قانون الانتخابات - القبس", "نص.", SourceKind::source, "القبس", "", ""},
      {"الجيش يعلن السيطرة على مواقع جديدة | سودان تربيون", "نص.", SourceKind::source, "سودان تربيون", "", ""},
      {"الحوثيون يعلنون إطلاق صواريخ - المصدر أونلاين", "نص.", SourceKind::source, "المصدر أونلاين", "", ""},
  };
  for (const Expected& e : rows) check_found(e);
}

TEST_CASE("credit line: the name after the label, boilerplate cut, digits in ASCII", "[sources][positions]") {
  const Expected rows[] = {
      {"", "قال مسؤول.\nالمصدر: القناة ١٠", SourceKind::source, "القناة 10", "", ""},
      {"", "نص.\nالمصدر: الأناضول تابعونا على فيسبوك", SourceKind::source, "وكالة الأناضول", "anadolu", ""},
      {"", "نص.\nالمصدر: موقع \"خبرني\"", SourceKind::source, "خبرني", "", ""},
      {"", "نص.\nالمصدر: هسبريس. جميع الحقوق محفوظة", SourceKind::source, "هسبريس", "hespress", ""},
      {"", "نص.\nالمصدر: الوطن السورية - تابعوا آخر الأخبار عبر قناتنا", SourceKind::source, "الوطن السورية", "", ""},
      {"", "نص.\nالمصدر: سكاي نيوز عربية + وكالات", SourceKind::source, "وكالات الأنباء", "wires", ""},
      {"", "نص.\nالمصدر: (وكالة سبأ)", SourceKind::source, "وكالة الأنباء اليمنية سبأ", "saba", ""},
  };
  for (const Expected& e : rows) check_found(e);
  // Nothing of the boilerplate is reported.
  const auto one = extractor().extract("نص.\nالمصدر: الأناضول تابعونا على فيسبوك");
  INFO(describe(one));
  REQUIRE(one.size() == 1);
  CHECK(one[0].text == "الأناضول");
}

TEST_CASE("datelines with a name the table does not know", "[sources][positions]") {
  const Expected rows[] = {
      {"", "الكويت - القبس:\nأعلنت وزارة التربية", SourceKind::dateline, "القبس", "", "الكويت"},
      {"", "عمان- الغد \nقررت الحكومة", SourceKind::dateline, "الغد", "", "عمان"},
      {"", "بغداد/ المدى-\nأعلنت المفوضية", SourceKind::dateline, "المدى", "", "بغداد"},
      {"", "رووداو - أربيل:\nأعلنت حكومة الإقليم", SourceKind::dateline, "رووداو", "", "أربيل"},
      {"", "الخرطوم (سودان تربيون) - قال مسؤول", SourceKind::dateline, "سودان تربيون", "", "الخرطوم"},
      {"", "الجزائر - الشروق أونلاين:\nكشفت الوزارة", SourceKind::dateline, "الشروق أونلاين", "", "الجزائر"},
      // news-dev's SaudiNewsNet openings (snn-12218, snn-19529, snn-06296).
      {"", "حنان الحامدي – عين اليوم\nألقت سلطات مطار القاهرة", SourceKind::dateline, "عين اليوم", "", ""},
      {"", "عين اليوم – متابعات\nظهرت الفنانة", SourceKind::dateline, "عين اليوم", "", ""},
      {"", "Next Previous عين اليوم – تبوك\nاجتاز فريق", SourceKind::dateline, "عين اليوم", "", "تبوك"},
  };
  for (const Expected& e : rows) check_found(e);
}

TEST_CASE("credits at a paragraph's end", "[sources][positions]") {
  const Expected rows[] = {
      {"", "وأكد الوزير أن الاجتماع سيعقد في وقت لاحق من اليوم.-(كونا)", SourceKind::agency, "وكالة الأنباء الكويتية",
       "kuna", ""},
      {"", "وأكد على ضرورة تعزيز التعاون بين البلدين.(بترا)", SourceKind::agency, "وكالة الأنباء الأردنية", "petra",
       ""},
      {"", "واقتحمت قوات الاحتلال مخيم جنين فجر اليوم. (شهاب)", SourceKind::agency, "شهاب", "", ""},
      {"", "وقال إن الاشتباكات توقفت.\n(الوسط)", SourceKind::agency, "الوسط", "", ""},
      {"", "واختتمت الفعاليات بتكريم الفائزين. - الراية", SourceKind::agency, "الراية", "", ""},
  };
  for (const Expected& e : rows) check_found(e);
}

TEST_CASE("citations after a cue word, and both names of ذكرت X نقلا عن Y", "[sources][positions]") {
  const Expected rows[] = {
      {"", "وقال مصدر حكومي لصحيفة القبس الكويتية إن القرار سيصدر", SourceKind::agency, "القبس", "", ""},
      {"", "وأكدت صحيفة \"ماركا\" الإسبانية أن بيل لن يستمر", SourceKind::agency, "ماركا", "", ""},
      {"", "ونقلت وكالة فارس للأنباء عنه قوله", SourceKind::agency, "وكالة فارس للأنباء", "", ""},
      {"", "ذكرت وكالة الأنباء الليبية نقلا عن مصادر", SourceKind::agency, "وكالة الأنباء الليبية", "", ""},
      {"", "وقال روني لـ\"في المرمى\": أصبت بالصدمة", SourceKind::agency, "في المرمى", "", ""},
      {"", "وقال أحد السكان لـ«عنب بلدي»: إن الأسعار تضاعفت", SourceKind::agency, "عنب بلدي", "", ""},
      {"", "وذكرت صحيفة السوداني أن الوالي أقيل", SourceKind::agency, "السوداني", "", ""},
      {"", "ذكرت هآرتس نقلاً عن وكالة تسنيم للأنباء أن", SourceKind::agency, "هآرتس", "", ""},
      {"", "ذكرت هآرتس نقلاً عن وكالة تسنيم للأنباء أن", SourceKind::agency, "وكالة تسنيم للأنباء", "", ""},
      {"", "وقالت الفنانة لـ\"العربية.نت\": رحيل ريم خسارة", SourceKind::agency, "العربية", "alarabiya", ""},
  };
  for (const Expected& e : rows) check_found(e);
  // The known abbreviation in brackets names the agency once: وكالة الأنباء الإماراتية (وام).
  const auto wam =
      named(extractor().extract("عنوان.\nوأكدت الوزارة ذلك، وفق ما أفادت وكالة الأنباء الإماراتية (وام)."));
  INFO(describe(wam));
  REQUIRE(wam.size() == 1);
  CHECK(wam[0].key == "wam");
}

TEST_CASE("Latin-script and mixed names", "[sources][positions]") {
  const Expected rows[] = {
      {"", "وقال مسؤول أمريكي لشبكة NBC News إن القرار لم يتخذ", SourceKind::agency, "NBC News", "", ""},
      {"", "وأفاد موقع Al-Monitor بأن الوفد وصل", SourceKind::agency, "Al-Monitor", "", ""},
      {"", "وذكرت قناة i24NEWS أن الطائرات قصفت", SourceKind::agency, "i24NEWS", "", ""},
      {"ألمانيا تشدد قواعد اللجوء | DW عربية", "نص.", SourceKind::source, "DW عربية", "", ""},
      {"قمة العشرين تختتم أعمالها - BBC News عربي", "نص.", SourceKind::source, "BBC News عربي", "", ""},
      {"", "موسكو (RT) - قال الكرملين", SourceKind::dateline, "روسيا اليوم", "rt", "موسكو"},
      {"", "دبي - Gulf News\nأعلنت هيئة الطرق", SourceKind::dateline, "Gulf News", "", "دبي"},
  };
  for (const Expected& e : rows) check_found(e);
}

TEST_CASE("a city, a person or a phrase after a dash or a cue is not an outlet", "[sources][positions]") {
  const std::pair<const char*, const char*> texts[] = {
      {"", "القاهرة - أعلنت الوزارة عن خطة جديدة"},
      {"الحكومة تعلن خطة تقشف - رئيس الوزراء", "نص."},
      {"", "جدة - محمد العتيبي\nدشن أمير المنطقة"},
      {"", "ناصر الطميحي - جدة\nوضع المدرب"},
      {"", "الرياض - متابعات\nكشفت دراسة"},
      {"", "الرياض - الأمير محمد بن سلمان يستقبل الرئيس"},
      {"", "غزة - استشهد خمسة فلسطينيين في قصف"},
      {"تغطية مباشرة.. الأرجنتين - فرنسا", "نص."},
      {"الشوط الأول.. إنجلترا 0 - 1 بلجيكا", "نص."},
      {"ما الذي أنجزته قمة ترمب - كيم؟ ومن الفائز بالجولة؟", "نص."},
      {"قوارب الموت تتحول أزمة فرنسية - إيطالية", "نص."},
      {"ترامب يهدد إيران بعقوبات جديدة - فيديو", "نص."},
      {"", "عنوان.\nوقال إنه لا يليق بالحلفاء في حلف شمال الأطلسي (الناتو)."},
      {"", "عنوان.\nوسجل الهدف الثاني في الدقيقة (68)."},
      {"", "عنوان.\nعبر صفحته على موقع التواصل الاجتماعي \"فيسبوك\" وعلق عليها"},
      {"", "عنوان.\nمروراً باليونان وقناة السويس لتقف في العقبة"},
      {"", "عنوان.\nالصادر عن الجهة المخولة بمباشرة موقع الحادث."},
      {"", "عنوان.\nوأعلنت وكالة ناسا إطلاق مسبار جديد."},
      {"", "عنوان.\nوأعلنت الوكالة الدولية للطاقة الذرية أن المفتشين وصلوا."},
      {"", "عنوان.\nوذكرت قناة مصرية خاصة أن الفنان نقل إلى المستشفى."},
      {"", "عنوان.\nوذكرت الصحيفة نقلا عن مصادر مطلعة أن الاتفاق قريب."},
      {"", "عنوان.\nونشر مقطع فيديو على موقع يوتيوب يظهر الحادث."},
      {"", "عنوان.\nواختتمت البطولة بفوز الفريق. - الدوحة"},
      {"", "نص.\nالمصدر: مصادر خاصة"},
  };
  for (const auto& [title, text] : texts) {
    const auto found = named(extractor().extract(text, title));
    INFO(title << " / " << text << " → " << describe(found));
    CHECK(found.empty());
  }
}

TEST_CASE("a bad shapes table is refused with its name and line", "[sources][positions]") {
  const auto path = std::filesystem::temp_directory_path() / ("xa-shapes-" + std::to_string(::getpid()) + ".tsv");
  std::ofstream(path) << "# a shapes table\noutlet_word\tصحيفة\nnot_a_kind\tكلمة\n";
  SourceExtractorOptions options;
  options.shapes_file = path.string();
  CHECK_THROWS_AS(SourceExtractor(options), Error);
  CHECK_THROWS_WITH(SourceExtractor(options), Catch::Contains(path.string() + ":3:"));
  std::filesystem::remove(path);
}
