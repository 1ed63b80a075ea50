# bash completion for graf. Commands and options are read from graf's own
# help when completing, so they are those of the graf being completed.

_graf_commands() {
    "$1" --help 2>/dev/null | awk '/^commands:/ {on = 1; next} on && /^$/ {exit} on {print $1}'
}

_graf() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local graf=${COMP_WORDS[0]}
    COMPREPLY=()
    if ((COMP_CWORD == 1)); then
        mapfile -t COMPREPLY < <(compgen -W "$(_graf_commands "$graf") help" -- "$cur")
        return
    fi
    local command=${COMP_WORDS[1]}
    if [[ $command == help ]]; then
        ((COMP_CWORD == 2)) &&
            mapfile -t COMPREPLY < <(compgen -W "$(_graf_commands "$graf")" -- "$cur")
        return
    fi
    local values=
    case $prev in
        --sort) values="relevance date oldest" ;;
        --export | --stdin-format) values="jsonl csv" ;;
        --color | --progress) values="auto always never" ;;
        --by) values="day week month year" ;;
        --db | --queries | --qrels | --run | --out | --source | --csv-columns | --limit | \
            --offset | --threads | --shards | --top | --port | --host)
            return ;;  # a value of the user's: files by complete -o default
    esac
    if [[ $values ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
    elif [[ $cur == -* ]]; then
        local options
        options=$("$graf" "$command" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u)
        mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    fi
}
complete -o default -F _graf graf
