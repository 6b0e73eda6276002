#!/usr/bin/env bash
# Creates (or updates) the content ConfigMaps that deployment.yaml mounts over the content baked into the image, from a
# content folder (default: the repository's content/), then restarts the pods so they load it.
#   deploy/kubernetes/content-configmaps.sh [CONTENT_DIR] [NAMESPACE]
# Check the content first: dotnet run --project src/FaqBot -- check CONTENT_DIR
set -euo pipefail
content="${1:-$(dirname "$0")/../../content}"
namespace="${2:-faqbot}"

apply() { # name, then kubectl --from-file arguments; a folder contributes its files, not its subfolders
  local name="$1"; shift
  kubectl -n "$namespace" create configmap "$name" "$@" --dry-run=client -o yaml | kubectl -n "$namespace" apply -f -
}

apply faqbot-content-articles --from-file="$content"            # the articles (*.md at the top)
apply faqbot-content-clinic --from-file="$content/clinic"     # the clinic's practical facts
apply faqbot-content-questions --from-file="$content/questions"
apply faqbot-content-lexicon --from-file="$content/lexicon"
apply faqbot-content-conversation --from-file="$content/conversation"
apply faqbot-content-safety --from-file="$content/safety"        # the text files; safety/model/ stays the image's
kubectl -n "$namespace" rollout restart deployment/faqbot
