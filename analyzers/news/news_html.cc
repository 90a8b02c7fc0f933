/** @file
 *  @brief HTML article pages: metadata from <meta> and JSON-LD, main text from <article>/<main>/<body>.
 */
#include "news/news_html.h"

#include <gumbo.h>

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "news/html_nesting.h"

namespace xapian_arabic {

namespace {

std::string_view attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN: return true;
    default: return false;
  }
}

/// Page furniture that is never article text.
bool is_furniture(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_HEAD: return true;
    default: return false;
  }
}

/// Collapses runs of white space to one space, as a browser renders them.
void append_collapsed(std::string& out, std::string_view text) {
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

const GumboNode* child(const GumboElement& e, unsigned i) {
  return static_cast<const GumboNode*>(e.children.data[i]);
}

// The walks below use an explicit stack, never recursion: a page nests as deep as its author likes.

void collect_text(const GumboNode* root, std::string& out, bool skip_h1) {
  struct Step {
    const GumboNode* node;
    bool leaving;  // the children are done: close the block
  };
  std::vector<Step> stack{{root, false}};
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    const GumboNode* node = step.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      append_collapsed(out, node->v.text.text);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = node->v.element;
    const bool block = is_block(e.tag);
    if (step.leaving) {
      if (block && !out.empty() && out.back() != '\n') out.push_back('\n');
      continue;
    }
    if (is_furniture(e.tag) || (skip_h1 && e.tag == GUMBO_TAG_H1)) continue;
    if (block && !out.empty() && out.back() != '\n') out.push_back('\n');
    stack.push_back({node, true});
    for (unsigned i = e.children.length; i-- > 0;) stack.push_back({child(e, i), false});
  }
}

std::string text_of(const GumboNode* node) {
  std::string out;
  collect_text(node, out, false);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  for (char& c : out)
    if (c == '\n') c = ' ';
  return out;
}

/// The first element with @p tag in document order.
const GumboNode* find_first(const GumboNode* root, GumboTag tag) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    if (node->v.element.tag == tag) return node;
    const GumboElement& e = node->v.element;
    for (unsigned i = e.children.length; i-- > 0;) stack.push_back(child(e, i));
  }
  return nullptr;
}

bool is_news_type(const nlohmann::json& type) {
  auto news = [](const std::string& t) {
    return t == "NewsArticle" || t == "Article" || t == "ReportageNewsArticle" || t == "AnalysisNewsArticle" ||
           t == "BlogPosting";
  };
  if (type.is_string()) return news(type.get<std::string>());
  if (type.is_array())
    for (const auto& t : type)
      if (t.is_string() && news(t.get<std::string>())) return true;
  return false;
}

/// @p key of @p object as text: a string, or the "name" of an object (a publisher), or the first of an array.
std::string string_of(const nlohmann::json& object, const char* key) {
  const nlohmann::json* value = &object;
  for (int depth = 0; depth < 8 && value->is_object(); ++depth, key = "name") {  // a bounded loop, not recursion
    const auto it = value->find(key);
    if (it == value->end()) return {};
    value = &*it;
    if (value->is_array() && !value->empty()) value = &(*value)[0];
    if (value->is_string()) return value->get<std::string>();
  }
  return {};
}

/// Fills @p page from a JSON-LD NewsArticle (top level, in an array, or in @graph).
void read_json_ld(const nlohmann::json& data, HtmlPage& page, int depth = 0) {
  if (depth > 4) return;
  if (data.is_array()) {
    for (const auto& item : data) read_json_ld(item, page, depth + 1);
    return;
  }
  if (!data.is_object()) return;
  if (const auto graph = data.find("@graph"); graph != data.end()) read_json_ld(*graph, page, depth + 1);
  if (const auto type = data.find("@type"); type == data.end() || !is_news_type(*type)) return;
  if (page.published.empty()) page.published = string_of(data, "datePublished");
  if (page.modified.empty()) page.modified = string_of(data, "dateModified");
  if (page.publisher.empty()) page.publisher = string_of(data, "publisher");
  if (page.title.empty()) page.title = string_of(data, "headline");
  if (page.url.empty()) page.url = string_of(data, "url");
}

struct Metadata {
  std::string og_title, title, site_name, canonical;
};

/// Reads one element of the head; false when its children need not be looked at.
bool read_head_element(const GumboElement& e, const GumboNode* node, HtmlPage& page, Metadata& meta) {
  if (e.tag == GUMBO_TAG_META) {
    std::string_view key = attribute(e, "property");
    if (key.empty()) key = attribute(e, "name");
    if (key.empty()) key = attribute(e, "itemprop");
    const std::string content(attribute(e, "content"));
    if (key == "og:title")
      meta.og_title = content;
    else if (key == "og:site_name")
      meta.site_name = content;
    else if (key == "og:url" && page.url.empty())
      page.url = content;
    else if ((key == "article:published_time" || key == "datePublished") && page.published.empty())
      page.published = content;
    else if ((key == "article:modified_time" || key == "dateModified" || key == "og:updated_time") &&
             page.modified.empty())
      page.modified = content;
    return false;
  }
  if (e.tag == GUMBO_TAG_TITLE && meta.title.empty()) {
    meta.title = text_of(node);
    return false;
  }
  if (e.tag == GUMBO_TAG_LINK && attribute(e, "rel") == "canonical") {
    meta.canonical = attribute(e, "href");
    return false;
  }
  if (e.tag == GUMBO_TAG_SCRIPT && attribute(e, "type") == "application/ld+json") {
    std::string json;
    for (unsigned i = 0; i < e.children.length; ++i) {
      const GumboNode* text = child(e, i);
      if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_CDATA) json += text->v.text.text;
    }
    const auto data = nlohmann::json::parse(json, nullptr, false);
    if (!data.is_discarded()) read_json_ld(data, page);
    return false;
  }
  return true;
}

/// Metadata from <meta>, <title>, <link rel=canonical> and JSON-LD anywhere in the page, in document order.
void read_head(const GumboNode* root, HtmlPage& page, Metadata& meta) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = node->v.element;
    if (!read_head_element(e, node, page, meta)) continue;
    for (unsigned i = e.children.length; i-- > 0;) stack.push_back(child(e, i));
  }
}

}  // namespace

HtmlPage parse_html_page(std::string_view html) {
  HtmlPage page;
  const std::optional<std::string> flat = flatten_deep_nesting(html);
  if (flat) {
    html = *flat;
    page.flattened = true;
  }
  // gumbo records each parse error with a copy of the open elements: quadratic memory on unclosed
  // nesting. The errors are never read, so none are kept.
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  Metadata meta;
  read_head(output->root, page, meta);
  if (page.title.empty()) page.title = !meta.og_title.empty() ? meta.og_title : meta.title;
  // <title> often carries the site name as a suffix (... - اليوم السابع): keep it when og:title is the same text.
  if (!meta.title.empty() && meta.title.size() > page.title.size() && meta.title.starts_with(page.title))
    page.title = meta.title;
  if (page.publisher.empty()) page.publisher = meta.site_name;
  if (page.url.empty()) page.url = meta.canonical;
  const GumboNode* main = find_first(output->root, GUMBO_TAG_ARTICLE);
  if (!main) main = find_first(output->root, GUMBO_TAG_MAIN);
  if (!main) main = find_first(output->root, GUMBO_TAG_BODY);
  if (!main) main = output->root;
  collect_text(main, page.text, !page.title.empty());
  gumbo_destroy_output(&options, output);
  return page;
}

}  // namespace xapian_arabic
