/** @file
 *  @brief xapian-arabic: the whole public API in one header.
 *
 *  Text analysis (normalizer, tokenizer, light and Snowball stemmers), news
 *  reading and extraction (NewsReader, civil dates, DateExtractor, SourceExtractor,
 *  ArticleExtractor), their Xapian adapters (ArabicStemImplementation,
 *  ArabicStopper, Analyzer), the news indexer and search (NewsIndexer,
 *  NewsSearch), the config, and the one error base class (xapian_arabic::Error).
 */
#pragma once

#include <xapian_arabic/analysis_settings.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/arabic_stem.h>
#include <xapian_arabic/arabic_stopper.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/civil_date.h>
#include <xapian_arabic/config.h>
#include <xapian_arabic/date_extractor.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/index_settings.h>
#include <xapian_arabic/light_stemmer.h>
#include <xapian_arabic/news_article.h>
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/news_indexer.h>
#include <xapian_arabic/news_reader.h>
#include <xapian_arabic/news_search.h>
#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/scriptindex_record.h>
#include <xapian_arabic/search_settings.h>
#include <xapian_arabic/search_shards.h>
#include <xapian_arabic/snowball_stemmer.h>
#include <xapian_arabic/source_extractor.h>
#include <xapian_arabic/surface_synonyms.h>
#include <xapian_arabic/token_stream.h>
#include <xapian_arabic/tokenizer.h>
