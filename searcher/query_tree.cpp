#include "searcher/query_tree.hpp"

namespace graf::searcher {
namespace {

std::string joined(const std::vector<std::string>& terms) {
    std::string s;
    for (const std::string& t : terms) s += (s.empty() ? "" : " ") + t;
    return s;
}

const char* op_name(QueryNode::Kind k) {
    switch (k) {
        case QueryNode::Kind::And:
            return "AND";
        case QueryNode::Kind::Or:
            return "OR";
        case QueryNode::Kind::Not:
            return "NOT";
        case QueryNode::Kind::NotPara:
            return "NOTPARA";
        default:
            return "?";
    }
}

void print(const QueryNode& n, std::string& out);

void print_children(const QueryNode& n, std::string& out) {
    for (std::size_t i = 0; i < n.children.size(); ++i) {
        out += ' ';
        if (n.kind == QueryNode::Kind::Group && n.signs[i] != Sign::Free)
            out += n.signs[i] == Sign::Required ? '+' : '-';
        print(*n.children[i], out);
    }
}

void print(const QueryNode& n, std::string& out) {
    using K = QueryNode::Kind;
    switch (n.kind) {
        case K::Word:
            out += n.term;
            out += n.wildcard ? "*" : n.exact ? "=" : "~";
            return;
        case K::Phrase:
            out += '"' + joined(n.terms) + '"';
            if (!n.alias.empty()) out += '|' + n.alias;
            return;
        case K::Name:
            out += "name:\"" + joined(n.terms) + '"';
            return;
        case K::Title:
            out += "title:(";
            print(*n.children[0], out);
            out += ')';
            return;
        case K::Said:
            out += "said:(";
            print(*n.children[0], out);
            out += ')';
            return;
        case K::SaidBy:
            out += "saidby:\"" + joined(n.terms) + '"';
            return;
        case K::Filter:
            out += n.field + ':' + n.value;
            return;
        case K::Group:
            out += "(group";
            break;
        case K::Near:
            out += "(NEAR/" + std::to_string(n.window);
            break;
        default:
            out += '(';
            out += op_name(n.kind);
    }
    print_children(n, out);
    out += ')';
}

}  // namespace

std::string to_string(const QueryNode& node) {
    std::string out;
    print(node, out);
    return out;
}

}  // namespace graf::searcher
