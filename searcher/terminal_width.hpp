// How wide the text output may be: the terminal's width when stdout is one, else no wrapping.
#pragma once
#include <cstddef>

namespace newsdex {

// Columns of the terminal on stdout (TIOCGWINSZ; $COLUMNS when that gives nothing; 80 when neither
// does), or 0 when stdout is not a terminal: piped or redirected output is never wrapped, so that
// each field stays on one line for grep and scripts.
std::size_t terminal_width();

}  // namespace newsdex
