#pragma once

#include "common/TestData.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fe::test {

// One hand label of tests/data/franck_blinks.csv: frames [start, end] of franck.mp4 on which the
// lids are closed or nearly closed; a blink (closes and reopens within 0.5 s) or a longer
// closure.
struct BlinkLabel
{
    int start = 0;
    int end = 0;
    bool blink = false;
};

// The labels of the first 60 s of franck.mp4, in file order. Used by the blink detector's test
// (tst_blinks) and the liveness blink validator's (tst_blinkevidence).
inline std::vector<BlinkLabel> franckBlinkLabels()
{
    std::ifstream in(dataFile("franck_blinks.csv"));
    std::vector<BlinkLabel> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("start", 0) == 0)
            continue;
        std::istringstream row(line);
        std::string a, b, kind;
        std::getline(row, a, ',');
        std::getline(row, b, ',');
        std::getline(row, kind, ',');
        out.push_back({std::stoi(a), std::stoi(b), kind == "blink"});
    }
    return out;
}

} // namespace fe::test
