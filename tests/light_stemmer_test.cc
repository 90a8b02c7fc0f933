/** @file
 *  @brief LightStemmer: stems by table (word, expected stem), conflation pairs, invariants, table loading.
 */
#include <xapian_arabic/light_stemmer.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

using xapian_arabic::LightStemmer;
using xapian_arabic::Normalizer;
using xapian_arabic::NormalizerOptions;

namespace {

std::size_t letters(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

struct Row {
  const char* why;
  const char* word;
  const char* stem;  // written unnormalized; compared after normalization
};

const Row kStems[] = {
    {"protected name", "بوتين", "بوتين"},
    {"protected name after و", "وبوتين", "بوتين"},
    {"protected name after ل", "لبوتين", "بوتين"},
    {"protected place", "فلسطين", "فلسطين"},
    {"protected place after و", "وفلسطين", "فلسطين"},
    {"protected place after ب", "بفلسطين", "فلسطين"},
    {"protected place", "بيروت", "بيروت"},
    {"protected place after و", "وبيروت", "بيروت"},
    {"protected place after ل", "لبيروت", "بيروت"},
    {"protected place", "واشنطن", "واشنطن"},
    {"protected place after و", "وواشنطن", "واشنطن"},
    {"protected place", "لبنان", "لبنان"},
    {"protected place after و", "ولبنان", "لبنان"},
    {"protected place after ب", "بلبنان", "لبنان"},
    {"article and sound plural", "المعلمين", "معلم"},
    {"conjunction, article and plural", "والمعلمين", "معلم"},
    {"preposition ل with the article", "للمعلمين", "معلم"},
    {"nominative plural", "المعلمون", "معلم"},
    {"teh marbuta written ت before a pronoun", "مدرستهم", "مدرسة"},
    {"construct plural before a pronoun", "معلميهم", "معلم"},
    {"feminine plural to the ة singular", "حالات", "حالة"},
    {"feminine nisba to the masculine", "الاقتصادية", "اقتصادي"},
    {"nisba plural", "الأمريكيين", "أمريكي"},
    {"nouns keep teh marbuta", "الحالة", "حالة"},
    {"dual of a ة noun", "سنتين", "سنة"},
    {"سي of سيارة is no future marker", "سيارة", "سيارة"},
    {"سن of سنوات is no future marker", "سنوات", "سنة"},
    {"سي of سياسي is no future marker", "سياسي", "سياسي"},
    {"ت of a تفعيل noun stays", "تحقيق", "تحقيق"},
    {"ت of تاريخ stays", "التاريخ", "تاريخ"},
    {"future and imperfect prefix", "سيكون", "كان"},
    {"hollow verb imperfect to perfect", "يكون", "كان"},
    {"perfect with feminine ت", "كانت", "كان"},
    {"perfect plural وا", "كانوا", "كان"},
    {"assimilated verb regains its و", "يصل", "وصل"},
    {"accusative alif", "عاما", "عام"},
    {"pronoun ه after the verb prefix ي", "يجعله", "جعل"},
    {"ت of a تفعلة noun is no verb prefix", "تجربة", "تجربة"},
    {"ال before a لـ word", "اللغة", "لغة"},
    {"ولاية is a word of the lexicon: no proclitic و", "ولاية", "ولاية"},
    {"short word unchanged", "في", "في"},
    {"short word unchanged", "من", "من"},
    {"three letters: nothing to cut", "كتب", "كتب"},
    {"latin word untouched by the Arabic stemmer", "opec", "opec"},
};

struct Pair {
  const char* a;
  const char* b;
};

const Pair kConflate[] = {
    {"المعلمين", "والمعلمين"},
    {"المعلمين", "للمعلمين"},
    {"المعلمين", "المعلمون"},
    {"معلميهم", "معلم"},
    {"مدرستهم", "المدرسة"},
    {"حالاتهم", "الحالة"},
    {"سنتين", "السنة"},
    {"الولاية", "والولاية"},
    {"ستكون", "كانت"},
    {"يقول", "قال"},
    {"الاقتصادية", "اقتصادي"},
    {"والجمهوريين", "الجمهوري"},
    // Hamzated alef-lam at the start of a word folds to ال: with and without the article it stems alike.
    {"الإلكترونية", "إلكترونية"},
    {"بإلغاء", "الإلغاء"},
    {"الالتزام", "التزام"},
};

const Pair kKeepApart[] = {
    {"حالة", "حال"},  {"شخصية", "شخص"},  {"بوتين", "وتين"}, {"سنتين", "تين"}, {"سيارة", "ارة"},  {"ولاية", "اية"},
    {"سياسة", "اسة"}, {"تاريخ", "اريخ"}, {"كتاب", "تاب"},   {"فيلم", "يلم"},  {"السنة", "السن"}, {"بيته", "يته"},
};

// Issue 9 §1: the most frequent news words, checked against the Ayaspell lexicon and plurals.txt.
const Row kEverydayStems[] = {
    {"a noun of the lexicon keeps its و", "وزير", "وزير"},
    {"a noun of the lexicon keeps its ل", "لاعب", "لاعب"},
    {"لجنة is no ل + جنة", "لجنة", "لجنة"},
    {"لقاء is no ل + قاء", "لقاء", "لقاء"},
    {"تونس is no verb prefix ت", "تونس", "تونس"},
    {"the ب of بتونس is a clitic: تونس is a word, بتونس is not", "بتونس", "تونس"},
    {"a gentilic adjective keeps its ف", "فلسطيني", "فلسطيني"},
    {"اني ends a nisba, not the pronoun ني", "الشيباني", "شيباني"},
    {"اللبناني is no لبن", "اللبناني", "لبناني"},
    {"a verb of the lexicon keeps its first letter", "وصل", "وصل"},
    {"a verb after the conjunction", "وكتب", "كتب"},
    {"a noun after و ل with the article", "وللاعبين", "لاعب"},
    {"a hamza-initial entry folded to ال is no reason to keep the article", "الدين", "دين"},
    {"adverbial accusative of a lexicon noun keeps its و", "وفقا", "وفق"},
    {"accusative ا of a lexicon noun", "يوما", "يوم"},
    {"ات plural tie checked by hand (plurals.txt)", "العقوبات", "عقوبة"},
    {"a word of the lexicon keeps its ف though ريق is a noun too", "فريقه", "فريق"},
    {"a nisba of a lexicon noun (فرنسا) keeps its ف", "فرنسي", "فرنسي"},
    // The nisba of a protected place is kept whole like the place: its ي, ت, س, ف start no prefix,
    // its ني, يني end no pronoun.
    {"يمني (of اليمن) is no ي + مني", "يمني", "يمني"},
    {"تركي (of تركيا) is no ت + ركي", "تركي", "تركي"},
    {"بحريني (of البحرين) is no بحر + يني", "بحريني", "بحريني"},
    {"لندني (of لندن) is no لند + ني", "لندني", "لندني"},
    {"سنغالي (of السنغال) is no س + غالي", "سنغالي", "سنغالي"},
    {"يوناني (of اليونان) keeps its ي", "يوناني", "يوناني"},
    {"the nisba after the article and و", "واليمني", "يمني"},
    {"before و an unknown word keeps its ب", "بومبيو", "بومبيو"},
    {"before و an unknown word keeps its verb-like ي", "يوتيوب", "يوتيوب"},
    {"before و an unknown word keeps its verb-like ت", "تويتر", "تويتر"},
    {"an assimilated verb still loses its ي when the rest is a word", "يوجه", "وجه"},
};

const Pair kEverydayConflate[] = {
    {"وزير", "الوزير"},
    {"لاعب", "اللاعب"},
    {"لجنة", "اللجنة"},
    {"لقاء", "اللقاء"},
    {"تونس", "بتونس"},
    {"فلسطيني", "الفلسطيني"},
    {"فلسطيني", "فلسطينية"},
    {"فلسطيني", "الفلسطينية"},
    {"فلسطيني", "الفلسطينيين"},
    {"لبناني", "اللبناني"},
    {"فرنسي", "الفرنسية"},
    {"يمني", "اليمنية"},
    {"يمني", "اليمنيين"},
    {"تركي", "التركية"},
    {"فلبيني", "الفلبينيين"},
    {"سنغالي", "سنغاليا"},  // the nisba's accusative, feminine plural and dual get the nisba
    {"فرنسي", "فرنسيات"},
    {"بحريني", "بحرينيتين"},
    {"فريق", "فريقه"},
    {"قرار", "قرارات"},
    {"قرار", "بقراراتها"},
    {"جديد", "جديدة"},
    {"مباراة", "مباريات"},
    {"لجنة", "لجنتها"},
    // Broken plurals (plurals.txt), also behind a proclitic or before a pronoun.
    {"وزير", "وزراء"},
    {"الوزير", "والوزراء"},
    {"دولة", "دول"},
    {"يوم", "أيام"},
    {"منطقة", "مناطق"},
    {"مدينة", "مدن"},
    {"رئيس", "رؤساء"},
    {"طفل", "أطفالهم"},
};

const Pair kEverydayKeepApart[] = {
    {"لجنة", "الجنة"},     // committee, paradise
    {"مدرسة", "مدرس"},     // school, teacher
    {"اللبناني", "لبن"},   // Lebanese, milk
    {"الشيباني", "شيبا"},  // a name, grey hair
    {"وزير", "زير"},      {"لاعب", "اعب"},      {"تونس", "ونس"}, {"حالة", "حال"}, {"فريقه", "ريق"},  // his team, saliva
    {"فرنسي", "رنسي"},    {"ساركوزي", "ركوزي"},  // a name, not سأ + ركوزي
    {"يمني", "مني"},      {"تركي", "ركي"},       // Yemeni, from me; Turkish
    {"بحريني", "بحر"},    {"سنغالي", "غالي"},    // Bahraini, sea; Senegalese, expensive
    {"سنغاليا", "غالي"},  {"تشيكيا", "تشيكي"},   // the country and its adjective stay two words
    {"ساهمت", "همت"},     {"سافرت", "فرت"},      // verbs whose سا is of the root
};

// The imperfect and the perfect of one verb (the lexicon has both).
const Pair kVerbFormsConflate[] = {
    {"تعتقل", "اعتقلت"},                      // form VIII: the perfect adds ا
    {"يستخدم", "استخدم"},                     // form X
    {"ينسحب", "انسحبت"},                      // form VII
    {"يصطدم", "اصطدمت"},                      // form VIII with ت assimilated to ط
    {"يتحدث", "تحدثت"},                       // form V: the perfect keeps its ت
    {"تتراجع", "تراجعت"},                     // form VI
    {"تكون", "كان"},                          // a hollow verb after ت is form I (تكوّن "formed" is rarer)
    {"تعود", "عادت"},     {"يواجه", "واجه"},  // a word of the lexicon keeps a last letter that could be a pronoun
    {"ويشتبك", "اشتبكت"},                     // (اشتبك, not اشتب + ك)
    {"يناقش", "ناقش"},  // form III: the imperfect's stem is the perfect (اناقش is "I discuss")
    {"ينافس", "نافس"},    {"يتدخل", "تدخل"},  // form V, and the perfect after ت
    {"تتطلب", "تطلب"},
};

// A form V/VI verb and the form I/III verb of its root are different words.
const Pair kVerbFormsKeepApart[] = {
    {"تحدث", "حدث"},    // talked, happened
    {"تراجع", "راجع"},  // retreated, reviewed
};

std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("xa-stemmer-test-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const char* table : {"prefixes.txt", "pronoun_suffixes.txt", "suffixes.txt", "protected.txt", "plurals.txt"})
    std::filesystem::copy_file(std::filesystem::path(XA_SOURCE_DIR) / "config/stemmer" / table, dir / table);
  return dir;
}

}  // namespace

TEST_CASE("each row stems to its expected stem", "[stemmer]") {
  const LightStemmer stemmer;
  for (const Row& row : kStems) {
    INFO(row.why << ": " << row.word);
    CHECK(stemmer.stem(row.word) == stemmer.normalizer().normalize(row.stem));
  }
}

TEST_CASE("inflections of one word conflate", "[stemmer]") {
  const LightStemmer stemmer;
  for (const Pair& p : kConflate) {
    INFO(p.a << " ~ " << p.b);
    CHECK(stemmer.stem(p.a) == stemmer.stem(p.b));
  }
}

TEST_CASE("different words stay apart", "[stemmer]") {
  const LightStemmer stemmer;
  for (const Pair& p : kKeepApart) {
    INFO(p.a << " vs " << p.b);
    CHECK(stemmer.stem(p.a) != stemmer.stem(p.b));
  }
}

TEST_CASE("everyday news words: a one-letter proclitic is cut only when the rest is a word and the whole is not",
          "[stemmer][lexicon]") {
  const LightStemmer stemmer;
  for (const Row& row : kEverydayStems) {
    INFO(row.why << ": " << row.word);
    CHECK(stemmer.stem(row.word) == stemmer.normalizer().normalize(row.stem));
  }
}

TEST_CASE("everyday news words: feminine, sound and broken plurals meet their singular", "[stemmer][lexicon]") {
  const LightStemmer stemmer;
  for (const Pair& p : kEverydayConflate) {
    INFO(p.a << " ~ " << p.b);
    CHECK(stemmer.stem(p.a) == stemmer.stem(p.b));
  }
}

TEST_CASE("everyday news words: different words that look alike stay apart", "[stemmer][lexicon]") {
  const LightStemmer stemmer;
  for (const Pair& p : kEverydayKeepApart) {
    INFO(p.a << " vs " << p.b);
    CHECK(stemmer.stem(p.a) != stemmer.stem(p.b));
  }
}

TEST_CASE("stemming a raw word equals stemming its normalized form", "[stemmer]") {
  const LightStemmer stemmer;
  for (const char* raw : {"المُعَلِّمِينَ", "وَالمُعَلِّمُونَ", "مؤسساتهم", "الرئيسية", "إسرائيل", "مستشفى", "مدرسةٌ", "سَيَكُونُ",
                          "أَصْدِقَائِهِم", "ﻣﺤﻤﺪ", "الـــعربية"}) {
    INFO(raw);
    CHECK(stemmer.stem(raw) == stemmer.stem_normalized(stemmer.normalizer().normalize(raw)));
  }
}

TEST_CASE("a stem is never longer than its word, never empty", "[stemmer]") {
  // Every combination of proclitic, core and ending the tables know about.
  const std::vector<std::string> prefixes = {"",   "و",    "ف", "ب",  "ك",  "ل", "ال", "وال", "بال",
                                             "لل", "وبال", "س", "سي", "ست", "ي", "ت",  "ول"};
  const std::vector<std::string> cores = {"كتب", "معلم",  "مدرس", "قول", "كن", "صل", "تحقيق",
                                          "سن",  "بوتين", "ا",    "ي",   "و",  "ت"};
  const std::vector<std::string> suffixes = {"",  "ة", "ات", "ية", "يات", "ين", "ون",  "ان",  "تين", "تان", "يين", "وا",
                                             "ا", "ت", "تم", "ه",  "ها",  "هم", "تهم", "يهم", "كما", "ني",  "نا",  "ك"};
  for (const bool fold_teh_marbuta : {true, false}) {
    NormalizerOptions options;
    options.fold_teh_marbuta = fold_teh_marbuta;
    const LightStemmer stemmer(options);
    for (const auto& p : prefixes)
      for (const auto& c : cores)
        for (const auto& s : suffixes) {
          const std::string word = stemmer.normalizer().normalize(p + c + s);
          const std::string stem = stemmer.stem_normalized(word);
          INFO(word << " → " << stem);
          CHECK(letters(stem) <= letters(word));
          CHECK(!stem.empty());
          CHECK(stemmer.stem_normalized(word) == stem);
        }
  }
}

TEST_CASE("without teh marbuta folding a final ه is the pronoun", "[stemmer]") {
  NormalizerOptions options;
  options.fold_teh_marbuta = false;
  const LightStemmer stemmer(options);
  CHECK(stemmer.stem("كتابه") == "كتاب");
  CHECK(stemmer.stem("مدرستهم") == "مدرسة");
  CHECK(stemmer.stem("حالات") == "حالة");
  CHECK(stemmer.stem("حالة") != stemmer.stem("حال"));
  // With folding, a final ه may be ة: it is the pronoun only after ت (مدينته), so كتابه keeps it.
  const LightStemmer folded;
  CHECK(folded.stem("مدينته") == folded.stem("المدينة"));
  CHECK(folded.stem("كتابه") == "كتابه");
}

TEST_CASE("tables load from a user folder", "[stemmer]") {
  const auto dir = temp_dir("user");
  std::ofstream(dir / "protected.txt", std::ios::app) << "مكتبات\n";
  const LightStemmer builtin;
  const LightStemmer user(NormalizerOptions{}, dir.string());
  CHECK(builtin.stem("المكتبات") == builtin.normalizer().normalize("مكتبة"));
  CHECK(user.stem("المكتبات") == "مكتبات");
  CHECK(user.stem("والمكتبات") == "مكتبات");
  std::filesystem::remove_all(dir);
}

TEST_CASE("a user folder made before plurals.txt existed uses the built-in one", "[stemmer]") {
  const auto dir = temp_dir("no-plurals");
  std::filesystem::remove(dir / "plurals.txt");
  const LightStemmer user(NormalizerOptions{}, dir.string());
  CHECK(user.stem("الوزراء") == user.stem("وزير"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a malformed table line is an error naming the file", "[stemmer]") {
  struct Bad {
    const char* table;
    const char* line;
    const char* message;
  };
  const Bad cases[] = {
      {"prefixes.txt", "ال\tabc\tnoun\n", "shortest stem"},
      {"prefixes.txt", "ال\t2\n", "expected prefix"},
      {"prefixes.txt", "ال\t2\tadverb\n", "unknown prefix kind"},
      {"suffixes.txt", "ات\t0\n", "at least 1"},
      {"suffixes.txt", "ة\t3\tات\n", "longer than its suffix"},
      {"suffixes.txt", "abc\t3\n", "not an Arabic"},
      {"pronoun_suffixes.txt", "هم\t3\textra\n", "expected suffix"},
      {"protected.txt", "بيروت\tلبنان\n", "one word per line"},
      {"plurals.txt", "وزراء\n", "expected plural"},
      {"plurals.txt", "وزراء\tوزير\n", "listed twice"},
  };
  for (const Bad& bad : cases) {
    const auto dir = temp_dir("bad");
    std::ofstream(dir / bad.table, std::ios::app) << bad.line;
    INFO(bad.table << ": " << bad.line);
    const std::string path = (dir / bad.table).string();
    std::ifstream written(path);
    const std::string text((std::istreambuf_iterator<char>(written)), std::istreambuf_iterator<char>());
    const auto line_no = std::count(text.begin(), text.end(), '\n');  // the appended line is the last
    CHECK_THROWS_WITH(LightStemmer(NormalizerOptions{}, dir.string()),
                      Catch::Contains(path + ":" + std::to_string(line_no) + ": ") && Catch::Contains(bad.message));
    std::filesystem::remove_all(dir);
  }
  CHECK_THROWS_WITH(LightStemmer(NormalizerOptions{}, "/nonexistent/stemmer-tables"),
                    Catch::Contains("/nonexistent/stemmer-tables/prefixes.txt"));
}

TEST_CASE("every spelling of the name-synonym table keeps its letters (ترمب is no رمب, تسلا no سلا)",
          "[stemmer][synonyms]") {
  const LightStemmer stemmer;
  std::ifstream table(std::filesystem::path(XA_SOURCE_DIR) / "config/synonyms/names.tsv");
  REQUIRE(table);
  std::size_t spellings = 0;
  for (std::string line; std::getline(table, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    for (std::string spelling; std::getline(fields, spelling, '|');) {
      spelling.erase(0, spelling.find_first_not_of(' '));
      spelling.erase(spelling.find_last_not_of(' ') + 1);
      std::string whole = stemmer.normalizer().normalize(spelling);
      if (whole.starts_with("\xD8\xA7\xD9\x84")) whole.erase(0, 4);  // the article ال is always a clitic
      INFO(spelling);
      CHECK(stemmer.stem(spelling) == whole);
      ++spellings;
    }
  }
  CHECK(spellings > 100);
}

TEST_CASE("an imperfect shares the stem of its perfect, also in the derived verb forms", "[stemmer][lexicon]") {
  const LightStemmer stemmer;
  for (const Pair& p : kVerbFormsConflate) {
    INFO(p.a << " ~ " << p.b);
    CHECK(stemmer.stem(p.a) == stemmer.stem(p.b));
  }
  for (const Pair& p : kVerbFormsKeepApart) {
    INFO(p.a << " vs " << p.b);
    CHECK(stemmer.stem(p.a) != stemmer.stem(p.b));
  }
}

TEST_CASE("a derived verb's stem and its verbal noun's stem are each other's partner", "[stemmer][lexicon]") {
  const LightStemmer stemmer;
  const Pair verb_and_noun[] = {
      {"اعلن", "الإعلان"},       // form IV
      {"انسحب", "الانسحاب"},     // form VII
      {"تعتقل", "الاعتقال"},     // form VIII, from the imperfect
      {"ويشتبك", "الاشتباكات"},  // form VIII, the noun's plural
      {"يستخدم", "باستخدام"},    // form X
      {"ارتفعت", "ارتفاع"},      // form VIII, from the perfect
      {"انتخب", "الانتخابات"},   // form VIII, the noun's plural
  };
  for (const Pair& p : verb_and_noun) {
    INFO(p.a << " ~ " << p.b);
    const std::string verb = stemmer.stem(p.a), noun = stemmer.stem(p.b);
    CHECK(verb != noun);  // the stemmer keeps them apart; search joins them
    CHECK(stemmer.derived_form_partner(verb) == noun);
    CHECK(stemmer.derived_form_partner(noun) == verb);
  }
  // Words of the shape that are no derived verb or verbal noun have none.
  for (const char* word : {"ابراهيم", "اسرائيل", "امريكي", "اكتوبر", "كتب", "امام"}) {
    INFO(word);
    CHECK(stemmer.derived_form_partner(stemmer.stem(word)).empty());
  }
}
