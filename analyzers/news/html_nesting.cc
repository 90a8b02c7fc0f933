/** @file
 *  @brief Removing HTML tags nested deeper than a limit, with a single pass over the tags.
 */
#include "news/html_nesting.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace xapian_arabic {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// Elements that never hold children, or whose end tag is implied by the next sibling or the parent's end.
bool does_not_nest(std::string_view name) {
  return one_of(name,
                {"area",  "base",   "br",    "col",    "embed",    "hr",       "img",     "input", "link",  "meta",
                 "param", "source", "track", "wbr",    "keygen",   "basefont", "bgsound", "frame", "image", "p",
                 "li",    "dt",     "dd",    "option", "optgroup", "tr",       "td",      "th",    "thead", "tbody",
                 "tfoot", "rb",     "rt",    "rtc",    "rp",       "colgroup", "caption", "html",  "head",  "body"});
}

/// Elements whose content is text up to their end tag, not markup.
bool is_raw_text(std::string_view name) {
  return one_of(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
}

/// Where "</name" starts at or after @p from (any case), or npos.
std::size_t find_end_tag(std::string_view html, std::string_view name, std::size_t from) {
  for (std::size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (i + 2 + name.size() > html.size()) return std::string_view::npos;
    bool same = true;
    for (std::size_t k = 0; k < name.size() && same; ++k) same = lower(html[i + 2 + k]) == name[k];
    if (same) return i;
  }
  return std::string_view::npos;
}

/// The end of the tag whose name ends at @p pos: the index after its '>', or npos. A '>' inside a
/// quoted attribute value does not end it.
std::size_t tag_end(std::string_view html, std::size_t pos) {
  char quote = 0;
  bool after_equals = false;
  for (; pos < html.size(); ++pos) {
    const char c = html[pos];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '>') return pos + 1;
    if ((c == '"' || c == '\'') && after_equals)
      quote = c;
    else if (c == '=')
      after_equals = true;
    else if (!is_space(c))
      after_equals = false;
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<std::string> flatten_deep_nesting(std::string_view html, std::size_t max_depth) {
  // A mirror of the parser's stack of open elements, good enough to bound it: an end tag closes the
  // nearest open element of its name (looked for near the top only, as stray end tags are common).
  constexpr std::size_t kEndTagReach = 64;
  std::vector<std::string> open;
  std::size_t foreign = 0;                                // open <svg> and <math>: there "<x/>" closes itself
  std::unordered_map<std::string, std::size_t> too_deep;  // removed start tags not yet closed, by name
  std::string out;
  std::size_t copied = 0;  // html before this is in out, or removed
  bool changed = false;
  auto remove = [&](std::size_t begin, std::size_t end) {
    out.append(html.substr(copied, begin - copied));
    copied = end;
    changed = true;
  };
  std::string name;
  for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i)) {
    const std::size_t begin = i;
    if (html.substr(i, 4) == "<!--") {
      const std::size_t close = html.find("-->", i + 4);
      i = close == std::string_view::npos ? html.size() : close + 3;
      continue;
    }
    const bool end_tag = i + 1 < html.size() && html[i + 1] == '/';
    const std::size_t name_begin = i + 1 + (end_tag ? 1 : 0);
    if (name_begin >= html.size() || !is_alpha(html[name_begin])) {  // <!doctype>, <?xml?>, a lone '<'
      ++i;
      continue;
    }
    std::size_t name_end = name_begin;
    while (name_end < html.size() && !is_space(html[name_end]) && html[name_end] != '/' && html[name_end] != '>')
      ++name_end;
    name.clear();
    for (std::size_t k = name_begin; k < name_end; ++k) name.push_back(lower(html[k]));
    const std::size_t end = tag_end(html, name_end);
    if (end == std::string_view::npos) break;  // a tag cut off by the end of the file opens nothing
    i = end;
    if (end_tag) {
      if (auto it = too_deep.find(name); it != too_deep.end() && it->second > 0) {
        --it->second;
        remove(begin, end);
        continue;
      }
      for (std::size_t k = open.size(); k-- > 0 && open.size() - k <= kEndTagReach;) {
        if (open[k] != name) continue;
        for (std::size_t j = k; j < open.size(); ++j) foreign -= open[j] == "svg" || open[j] == "math";
        open.resize(k);
        break;
      }
      continue;
    }
    const bool self_closing = html[end - 2] == '/';
    if (does_not_nest(name) || (self_closing && foreign > 0)) continue;
    const bool raw = is_raw_text(name);
    const std::size_t content_end = raw ? find_end_tag(html, name, end) : std::string_view::npos;
    if (open.size() >= max_depth) {
      if (raw) {  // code and styles that deep are not article text: remove them whole
        const std::size_t close = content_end == std::string_view::npos ? std::string_view::npos
                                                                        : tag_end(html, content_end + 2 + name.size());
        i = close == std::string_view::npos ? html.size() : close;
        remove(begin, i);
      } else {
        ++too_deep[name];
        remove(begin, end);
      }
      continue;
    }
    open.push_back(name);
    foreign += name == "svg" || name == "math";
    if (raw) i = content_end == std::string_view::npos ? html.size() : content_end;
  }
  if (!changed) return std::nullopt;
  out.append(html.substr(copied));
  return out;
}

}  // namespace xapian_arabic
