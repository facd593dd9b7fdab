#!/usr/bin/env bash
# Generates a new carrier adapter module from the template (adapters/adapter-template, "Example Courier").
#
#   adapters/new-adapter.sh <carrier-type> "<Display Name>"
#   adapters/new-adapter.sh swift-meds "Swift Meds"
#
# Creates adapters/<carrier-type> (package com.carriergateway.adapter.<type without dashes>, classes prefixed with the
# type in PascalCase) and wiremock-stubs/<carrier-type>; adds the module to adapters/pom.xml, the dependency to
# gateway-app/pom.xml and to the root pom's dependencyManagement. Touches nothing else. Then prints the configuration
# keys to add and the next steps. Pure bash, sed and find; works from any directory.
#
# Exit codes: 0 done; 2 wrong arguments or name; 3 the module, its stubs or its artifactId exist already;
# 4 the script is not inside a Carrier Gateway checkout; 1 anything else (nothing is left half done).
set -euo pipefail

TEMPLATE_TYPE=example-courier
TEMPLATE_PACKAGE=examplecourier
TEMPLATE_PREFIX=ExampleCourier
TEMPLATE_DISPLAY="Example Courier"
TEMPLATE_MODULE=adapter-template

usage() {
    cat <<'EOF'
Usage: adapters/new-adapter.sh <carrier-type> "<Display Name>"

  <carrier-type>   the adapter's type, module, artifactId and default carrier id: lower case letters, digits and
                   single dashes, starting with a letter ([a-z][a-z0-9-]*), e.g. swift-meds
  <Display Name>   how people name the carrier, e.g. "Swift Meds": letters, digits, spaces and . , ' ( ) + -

Example: adapters/new-adapter.sh swift-meds "Swift Meds"
  creates adapters/swift-meds (com.carriergateway.adapter.swiftmeds.SwiftMedsAdapter, …) and
  wiremock-stubs/swift-meds from adapters/adapter-template, and adds the module to adapters/pom.xml, pom.xml
  (dependencyManagement) and gateway-app/pom.xml. See src/site/markdown/adding-a-carrier.md.
EOF
}

die() {
    local code=$1
    shift
    printf 'new-adapter.sh: %s\n' "$*" >&2
    exit "$code"
}

# ---------------------------------------------------------------------------------------------------- arguments

if [[ $# -eq 1 && ($1 == -h || $1 == --help) ]]; then
    usage
    exit 0
fi
if [[ $# -ne 2 ]]; then
    usage >&2
    exit 2
fi
type=$1
display=$2

if [[ ! $type =~ ^[a-z][a-z0-9-]*$ ]]; then
    die 2 "carrier type '$type' is not [a-z][a-z0-9-]*: lower case letters, digits and dashes, starting with a letter (e.g. swift-meds)"
fi
if [[ $type == *- || $type == *--* ]]; then
    die 2 "carrier type '$type' must not end with a dash nor contain two in a row (e.g. swift-meds)"
fi
if ((${#type} > 40)); then
    die 2 "carrier type '$type' is longer than 40 characters"
fi
display_pattern="^[A-Za-z0-9][A-Za-z0-9 .,'()+-]*\$"
if [[ ! $display =~ $display_pattern ]] || ((${#display} > 60)); then
    die 2 "display name '$display' must start with a letter or digit and hold only letters, digits, spaces and . , ' ( ) + - (at most 60 characters)"
fi

package=${type//-/}
# swift-meds -> SwiftMeds: each dash-separated part capitalised
prefix=""
IFS=- read -r -a parts <<<"$type"
for part in "${parts[@]}"; do
    prefix+=$(printf '%s' "${part:0:1}" | tr '[:lower:]' '[:upper:]')${part:1}
done
camel=$(printf '%s' "${prefix:0:1}" | tr '[:upper:]' '[:lower:]')${prefix:1}
upper_package=$(printf '%s' "$package" | tr '[:lower:]' '[:upper:]')
upper_snake=$(printf '%s' "${type//-/_}" | tr '[:lower:]' '[:upper:]')

java_keywords="abstract assert boolean break byte case catch char class const continue default do double else enum
    extends final finally float for goto if implements import instanceof int interface long native new package private
    protected public return short static strictfp super switch synchronized this throw throws transient try void
    volatile while true false null var yield record sealed permits module open opens exports requires uses provides to
    with transitive"
for keyword in $java_keywords; do
    if [[ $package == "$keyword" ]]; then
        die 2 "carrier type '$type' gives the package name '$package', a Java keyword: choose another name"
    fi
done

# ---------------------------------------------------------------------------------------------------- the checkout

script=$(readlink -f "${BASH_SOURCE[0]}" 2>/dev/null || printf '%s' "${BASH_SOURCE[0]}")
root=$(cd "$(dirname "$script")/.." && pwd -P)
template="$root/adapters/$TEMPLATE_MODULE"
template_stubs="$root/wiremock-stubs/$TEMPLATE_TYPE"
for required in "$root/pom.xml" "$root/adapters/pom.xml" "$root/gateway-app/pom.xml" "$template/pom.xml" \
        "$template/src" "$template_stubs/mappings"; do
    if [[ ! -e $required ]]; then
        die 4 "not inside a Carrier Gateway checkout: this script must stay in a checkout's adapters/ folder ($root has no ${required#"$root"/})"
    fi
done
if ! grep -q '<artifactId>carrier-gateway-parent</artifactId>' "$root/pom.xml"; then
    die 4 "not inside a Carrier Gateway checkout: $root/pom.xml is not the carrier-gateway-parent pom"
fi

if [[ -e "$root/adapters/$type" ]]; then
    die 3 "adapters/$type already exists: choose another carrier type, or remove it first"
fi
if [[ -e "$root/wiremock-stubs/$type" ]]; then
    die 3 "wiremock-stubs/$type already exists (stubs of another system): choose another carrier type"
fi
for pom in "$root/pom.xml" "$root"/*/pom.xml "$root"/adapters/*/pom.xml; do
    if [[ -f $pom ]] && grep -q -e "<artifactId>$type</artifactId>" -e "<module>$type</module>" "$pom"; then
        die 3 "'$type' is already a module or an artifactId in ${pom#"$root"/}: choose another carrier type"
    fi
done

# The generated classes must not take the simple name of a class the template imports (type "carrier" would make a
# CarrierAdapter that hides the SPI's CarrierAdapter).
imported=" $(find "$template/src" -name '*.java' -exec sed -n 's/^import \(static \)\{0,1\}[a-zA-Z0-9_.]*\.\([A-Za-z0-9_]*\);$/\2/p' {} + | sort -u | tr '\n' ' ') "
while IFS= read -r file; do
    name=$(basename "$file" .java)
    generated=${name//$TEMPLATE_PREFIX/$prefix}
    if [[ $imported == *" $generated "* ]]; then
        die 2 "carrier type '$type' would generate the class $generated, which hides the adapter API's $generated: choose another name"
    fi
done < <(find "$template/src" -name "*$TEMPLATE_PREFIX*.java")

# ---------------------------------------------------------------------------------------------------- staging
# Everything is prepared in a scratch folder first and moved into the checkout only at the end, so that a failure
# leaves the checkout as it was.

stage=$(mktemp -d "${TMPDIR:-/tmp}/new-adapter.XXXXXX")
moved=()
backups=()
finished=0
cleanup() {
    local status=$? entry unrestored=""
    set +e
    if ((finished == 0)); then
        for entry in ${moved[@]+"${moved[@]}"}; do
            rm -rf "$entry"
        done
        for entry in ${backups[@]+"${backups[@]}"}; do
            cat "$stage/backup/${entry//\//_}" 2>/dev/null >"$root/$entry" || unrestored+=" $entry"
        done
        ((status != 0)) || status=1
        if [[ -z $unrestored ]]; then
            printf 'new-adapter.sh: stopped; the checkout is unchanged\n' >&2
        else
            printf 'new-adapter.sh: stopped; could not restore%s: restore them with git\n' "$unrestored" >&2
        fi
    fi
    rm -rf "$stage"
    exit "$status"
}
trap cleanup EXIT

copy_without_build_output() { # $1 source folder, $2 new folder
    cp -R "$1" "$2"
    find "$2" \( -name target -o -name .idea -o -name .settings -o -name .vscode \) -prune -exec rm -rf {} +
    find "$2" \( -name '*.iml' -o -name .classpath -o -name .project -o -name .factorypath -o -name .DS_Store \) \
        -type f -exec rm -f {} +
}
copy_without_build_output "$template" "$stage/module"
copy_without_build_output "$template_stubs" "$stage/stubs"

# Every path is listed before anything is renamed or written, so that find never sees the tree change under it.
# Folders and files named after the template (deepest first, so a renamed folder's content is already renamed).
named=()
while IFS= read -r path; do
    named+=("$path")
done < <(find "$stage/module" "$stage/stubs" -depth -mindepth 1 \
    \( -name "*$TEMPLATE_PREFIX*" -o -name "*$TEMPLATE_PACKAGE*" -o -name "*$TEMPLATE_TYPE*" \))
for path in ${named[@]+"${named[@]}"}; do
    base=$(basename "$path")
    renamed=${base//$TEMPLATE_PREFIX/$prefix}
    renamed=${renamed//$TEMPLATE_PACKAGE/$package}
    renamed=${renamed//$TEMPLATE_TYPE/$type}
    if [[ $renamed != "$base" ]]; then
        mv "$path" "$(dirname "$path")/$renamed"
    fi
done

# The names inside the files. The display name and type hold no sed metacharacters (checked above).
rename_expressions=(
    -e "s|<artifactId>$TEMPLATE_MODULE</artifactId>|<artifactId>$type</artifactId>|g"
    -e "s|$TEMPLATE_PREFIX|$prefix|g"
    -e "s|exampleCourier|$camel|g"
    -e "s|$TEMPLATE_PACKAGE|$package|g"
    -e "s|EXAMPLECOURIER|$upper_package|g"
    -e "s|EXAMPLE_COURIER|$upper_snake|g"
    -e "s|$TEMPLATE_TYPE|$type|g"
    -e "s|example_courier|${type//-/_}|g"
    -e "s|$TEMPLATE_DISPLAY|$display|g"
)
files=()
while IFS= read -r file; do
    files+=("$file")
done < <(find "$stage/module" "$stage/stubs" -type f)
for file in "${files[@]}"; do
    sed "${rename_expressions[@]}" "$file" >"$stage/renamed"
    cat "$stage/renamed" >"$file"
done
rm -f "$stage/renamed"

# A name the expressions missed (say "example courier" in a new comment) would leave the template's name behind.
leftovers=$(grep -rIil -e 'example[ _-]\{0,1\}courier' -e "$TEMPLATE_MODULE" "$stage/module" "$stage/stubs" || true)
if [[ -n $leftovers ]]; then
    leftovers=${leftovers//"$stage/module"/adapters/$type}
    leftovers=${leftovers//"$stage/stubs"/wiremock-stubs/$type}
    die 1 "the template's name is still in $(printf '%s' "$leftovers" | tr '\n' ' ') after renaming: spell it as one of ExampleCourier, examplecourier, example-courier or \"Example Courier\" in the template"
fi

# ---------------------------------------------------------------------------------------------------- the poms

# The adapters already in the gateway: adapters/pom.xml's modules, less the API, the kit and the template.
adapters=" "
while IFS= read -r module; do
    case $module in
        adapter-api | adapter-contract-kit | "$TEMPLATE_MODULE") ;;
        *) adapters+="$module " ;;
    esac
done < <(sed -n 's|.*<module>\([^<]*\)</module>.*|\1|p' "$root/adapters/pom.xml")

# Writes $1 with <module>$type</module> before </modules>, as the last module.
add_module() {
    local in=$1 out=$2 line done=0
    : >"$out"
    while IFS= read -r line || [[ -n $line ]]; do
        if ((done == 0)) && [[ $line =~ ^([[:space:]]*)\</modules\> ]]; then
            printf '%s  <module>%s</module>\n' "${BASH_REMATCH[1]}" "$type" >>"$out"
            done=1
        fi
        printf '%s\n' "$line" >>"$out"
    done <"$in"
    ((done == 1)) || die 1 "${in#"$root"/} has no </modules>"
}

# Writes $1 with a dependency on the new adapter after the last adapter dependency of the <dependencies> inside
# <dependencyManagement> ($3 = managed, with the version) or outside it ($3 = direct); with none there, before that
# section's </dependencies>.
add_dependency() {
    local in=$1 out=$2 where=$3
    local -a lines=()
    local line i managed=0 start=-1 artifact="" after=-1 close=-1 indent="    "
    while IFS= read -r line || [[ -n $line ]]; do
        lines+=("$line")
    done <"$in"
    for i in "${!lines[@]}"; do
        line=${lines[$i]}
        [[ $line == *"<dependencyManagement>"* ]] && managed=1
        [[ $line == *"</dependencyManagement>"* ]] && managed=0
        if [[ $where == managed && $managed -eq 0 || $where == direct && $managed -eq 1 ]]; then
            continue
        fi
        if [[ $line =~ ^([[:space:]]*)\<dependency\> ]]; then
            start=$i
            artifact=""
            indent=${BASH_REMATCH[1]}
        elif ((start >= 0)) && [[ $line =~ \<artifactId\>([^<]*)\</artifactId\> && -z $artifact ]]; then
            artifact=${BASH_REMATCH[1]}
        elif [[ $line == *"</dependency>"* ]]; then
            [[ $adapters == *" $artifact "* ]] && after=$i
            start=-1
        elif [[ $line == *"</dependencies>"* ]] && ((close < 0)); then
            close=$i
        fi
    done
    local at=$after
    if ((after < 0)); then
        ((close >= 0)) || die 1 "${in#"$root"/} has no <dependencies> section to add the adapter to"
        at=$((close - 1))
        [[ ${lines[$close]} =~ ^([[:space:]]*) ]] && indent="${BASH_REMATCH[1]}  "
    fi
    : >"$out"
    for i in "${!lines[@]}"; do
        printf '%s\n' "${lines[$i]}" >>"$out"
        if ((i == at)); then
            printf '%s<dependency>\n%s  <groupId>com.carriergateway</groupId>\n%s  <artifactId>%s</artifactId>\n' \
                "$indent" "$indent" "$indent" "$type" >>"$out"
            if [[ $where == managed ]]; then
                # shellcheck disable=SC2016 # Maven's ${project.version}, written as it is
                printf '%s  <version>${project.version}</version>\n' "$indent" >>"$out"
            fi
            printf '%s</dependency>\n' "$indent" >>"$out"
        fi
    done
}

mkdir -p "$stage/poms" "$stage/backup"
add_module "$root/adapters/pom.xml" "$stage/poms/adapters"
add_dependency "$root/pom.xml" "$stage/poms/root" managed
add_dependency "$root/gateway-app/pom.xml" "$stage/poms/gateway-app" direct

# ---------------------------------------------------------------------------------------------------- into the checkout

for entry in adapters/pom.xml pom.xml gateway-app/pom.xml; do
    cp "$root/$entry" "$stage/backup/${entry//\//_}"
done
mv "$stage/module" "$root/adapters/$type"
moved+=("$root/adapters/$type")
mv "$stage/stubs" "$root/wiremock-stubs/$type"
moved+=("$root/wiremock-stubs/$type")
backups+=(adapters/pom.xml)
cat "$stage/poms/adapters" >"$root/adapters/pom.xml"
backups+=(pom.xml)
cat "$stage/poms/root" >"$root/pom.xml"
backups+=(gateway-app/pom.xml)
cat "$stage/poms/gateway-app" >"$root/gateway-app/pom.xml"
finished=1

# ---------------------------------------------------------------------------------------------------- what next

module_dir="$root/adapters/$type"
count_lines() { # $1 folder: lines of its Java files
    if [[ -d $1 ]]; then
        find "$1" -name '*.java' -exec cat {} + | wc -l | tr -d ' '
    else
        printf '0'
    fi
}
main_lines=$(count_lines "$module_dir/src/main")
test_lines=$(count_lines "$module_dir/src/test")

# The configuration keys are the settings record's components (camelCase -> kebab-case); the required ones are those
# the settings check with required(...).
properties=$(find "$module_dir/src/main" -name "${prefix}Properties.java" -print -quit)
required_keys=" $(find "$module_dir/src/main" -name "${prefix}Settings.java" -exec sed -n 's/.*required(property, "\([a-z0-9-]*\)".*/\1/p' {} + | tr '\n' ' ') "
kebab() {
    local word=$1 out="" c i
    for ((i = 0; i < ${#word}; i++)); do
        c=${word:i:1}
        if [[ $c == [A-Z] ]]; then
            out+="-$(printf '%s' "$c" | tr '[:upper:]' '[:lower:]')"
        else
            out+=$c
        fi
    done
    printf '%s' "$out"
}
carrier_keys=""
optional_keys=""
if [[ -n $properties ]]; then
    while IFS= read -r component; do
        component_type=${component% *}
        key=$(kebab "${component##* }")
        if [[ $required_keys == *" $key "* ]]; then
            case $key in
                *secret* | *password* | *private* | *signing*)
                    value="\${${upper_snake}_$(printf '%s' "${key//-/_}" | tr '[:lower:]' '[:upper:]')}   # from the environment" ;;
                base-url) value="https://…   # the carrier's API" ;;
                *) value="…" ;;
            esac
            carrier_keys+="        $key: $value"$'\n'
        elif [[ $component_type == Map* ]]; then
            optional_keys+=" $key.<key>"
        else
            optional_keys+=" $key"
        fi
    done < <(sed -n '/record [A-Za-z]*Properties(/,/) {/p' "$properties" |
        sed -n 's/^[[:space:]]*\([A-Za-z<>, ]*[A-Za-z>]\) \([a-z][A-Za-z0-9]*\)[,)].*/\1 \2/p')
fi

cat <<EOF
Created adapters/$type ($prefix, package com.carriergateway.adapter.$package): $main_lines lines of main code, $test_lines of tests
Created wiremock-stubs/$type (its sandbox stubs)
Edited  adapters/pom.xml      <module>$type</module>
Edited  pom.xml               dependencyManagement: com.carriergateway:$type
Edited  gateway-app/pom.xml   dependency: com.carriergateway:$type

Configuration to add: gateway.carriers.$type.* and gateway.webhooks.$type.*, e.g. in application.yml
(secrets from the environment, never in a committed file):

  gateway:
    carriers:
      $type:
        type: $type
${carrier_keys}        # optional:${optional_keys}
    webhooks:
      $type:                     # the carrier calls POST /webhooks/$type with HTTP Basic:
        username: …
        password: \${${upper_snake}_WEBHOOK_PASSWORD}
        # or, for HMAC-signed calls: signing-key: \${${upper_snake}_WEBHOOK_SIGNING_KEY}

Next steps:
  1. Build and test it:  mvn -B -ntp -o -q -pl adapters/$type -am test
  2. Make it the real carrier: grep -rn 'TODO(carrier)' adapters/$type wiremock-stubs/$type
     src/site/markdown/adding-a-carrier.md says what each file is and what to change in it.
  3. Route pharmacies to it: gateway.pharmacies.<id>.default-carrier=$type, or a rule.
  4. Demo profile (optional): in gateway-app/src/main/resources/application-demo.yml add $type to
     gateway.sandbox.systems and gateway.sandbox.ports, and a gateway.carriers.$type entry whose
     base-url is \${gateway.sandbox.url.$type}.
  5. Document its keys in src/site/markdown/carriers/$type.md.
EOF
