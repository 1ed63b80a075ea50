#include "bench/args.hpp"

namespace graf::bench {

BenchArgs::BenchArgs(int argc, char** argv) {
    for (int i = 0; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--k")
            a = "-k";
        else if (a.rfind("--k=", 0) == 0)
            a = "-k" + a.substr(4);
        args_.push_back(std::move(a));
    }
    for (std::string& a : args_) pointers_.push_back(a.data());
}

}  // namespace graf::bench
