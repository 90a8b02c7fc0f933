/** @file
 *  @brief What the news readers (text, JSON Lines, HTML) share: line ends, blank trimming, the
 *  scraped-text split into title, header, body and related lines, and metadata dates (internal).
 */
#pragma once

#include <xapian_arabic/civil_date.h>
#include <xapian_arabic/news_article.h>

#include <optional>
#include <string>
#include <string_view>

namespace xapian_arabic {

class NewsLayout;

/// @p s without white space, no-break spaces and stray direction marks around it.
std::string_view trim_blank(std::string_view s);

/// True if @p text has a CR that does not end a CRLF (old Mac line ends).
bool has_lone_cr(std::string_view text);

/// Removes CR of CRLF and turns lone CR into LF.
void unify_line_ends(std::string& text);

/// Splits scraped text (UTF-8, LF line ends) into @p article's title (when @p take_title:
/// the first line, unless it is too long to be a headline), header lines, body and the
/// related material after إقرأ أيضاً, by the labels and markers of @p layout, which reads
/// the text's token stream. Sets article.stream to the stream over article_text(article),
/// made from the atoms of that one (up to 4 MB of text; beyond, it is left null).
void split_article_lines(const NewsLayout& layout, std::string_view text, bool take_title, NewsArticle& article);

/// A metadata date (ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, then optional THH:MM[:SS[.f]] and Z or ±HH[:]MM)
/// in the project's value form ("2024-03-05T14:30+03:00"), and in @p day the day it names; empty if
/// @p raw is not one (a day that does not exist, 2024-02-30, is not one).
std::string iso_value(std::string_view raw, std::optional<CivilDate>& day);

}  // namespace xapian_arabic
