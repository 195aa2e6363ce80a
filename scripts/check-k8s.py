#!/usr/bin/env python3
"""Checks deploy/k8s without a cluster: every file kustomization.yaml lists parses, every object
has apiVersion, kind and a name, Services select pods some Deployment labels, every Deployment's
containers have resource requests and limits, and the backend has startup, readiness and liveness
probes on the health endpoints the app serves. (No kubectl here: a schema check needs one.)"""
import sys
from pathlib import Path

import yaml

root = Path(sys.argv[1] if len(sys.argv) > 1 else "deploy/k8s")
problems = []
kustomization = yaml.safe_load((root / "kustomization.yaml").read_text())
objects = []
for name in kustomization["resources"]:
    for doc in yaml.safe_load_all((root / name).read_text()):
        if doc is None:
            continue
        for field in ("apiVersion", "kind"):
            if field not in doc:
                problems.append(f"{name}: an object without {field}")
        if not doc.get("metadata", {}).get("name"):
            problems.append(f"{name}: a {doc.get('kind')} without a name")
        objects.append((name, doc))

deployments = [d for _, d in objects if d.get("kind") == "Deployment"]
pod_labels = [d["spec"]["template"]["metadata"]["labels"] for d in deployments]
images = {i["name"] for i in kustomization.get("images", [])}
for name, doc in objects:
    kind = doc.get("kind")
    if kind == "Service":
        selector = doc["spec"]["selector"]
        if not any(all(labels.get(k) == v for k, v in selector.items()) for labels in pod_labels):
            problems.append(f"{name}: Service {doc['metadata']['name']} selects no pods")
    if kind == "Deployment":
        if doc["spec"]["selector"]["matchLabels"].items() - doc["spec"]["template"]["metadata"]["labels"].items():
            problems.append(f"{name}: {doc['metadata']['name']}'s selector does not match its pods")
        for c in doc["spec"]["template"]["spec"]["containers"]:
            res = c.get("resources", {})
            if not res.get("requests") or not res.get("limits"):
                problems.append(f"{name}: container {c['name']} without requests and limits")
            if c["image"] not in images:
                problems.append(f"{name}: image {c['image']} not set in kustomization.yaml")
            if c["name"] == "backend":
                paths = {p: c.get(p, {}).get("httpGet", {}).get("path") for p in ("startupProbe", "readinessProbe", "livenessProbe")}
                if paths != {"startupProbe": "/q/health/started", "readinessProbe": "/q/health/ready", "livenessProbe": "/q/health/live"}:
                    problems.append(f"{name}: backend probes {paths}")
    if kind in ("PodDisruptionBudget", "HorizontalPodAutoscaler"):
        target = doc["spec"].get("scaleTargetRef", {}).get("name") or doc["spec"]["selector"]["matchLabels"]["app"]
        if target not in {d["metadata"]["name"] for d in deployments}:
            problems.append(f"{name}: {kind} targets {target}, which is no Deployment")

if problems:
    print("k8s: " + "\nk8s: ".join(problems))
    sys.exit(1)
print(f"k8s: {len(objects)} objects in {root} consistent ({', '.join(sorted({d['kind'] for _, d in objects}))})")
