#!/usr/bin/env bash
# Creates or updates the sshbot-intents ConfigMap from the repository's intents/ and restarts the pods, which
# retrain at start-up when the knowledge base differs from the model baked into the image.
# Kept out of the manifests on purpose: an applied placeholder would replace the real knowledge base with nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
kubectl create configmap sshbot-intents --from-file="$root/intents/" --dry-run=client -o yaml | kubectl apply -f -
kubectl rollout restart deployment/sshbot
