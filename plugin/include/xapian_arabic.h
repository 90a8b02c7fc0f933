/** @file
 *  @brief xapian-arabic: the whole public API in one header.
 *
 *  Arabic normalization, tokenization and light stemming (pure text analysis),
 *  and their Xapian adapters: a Xapian::StemImplementation, a Xapian::Stopper
 *  and an Analyzer that indexes text and parses queries with the same settings.
 */
#pragma once

#include <xapian_arabic/analysis_settings.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/arabic_stem.h>
#include <xapian_arabic/arabic_stopper.h>
#include <xapian_arabic/config.h>
#include <xapian_arabic/light_stemmer.h>
#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/snowball_stemmer.h>
#include <xapian_arabic/tokenizer.h>
