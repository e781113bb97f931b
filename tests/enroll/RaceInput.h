#pragma once

// Shared by tst_enrollrace and its helper process enroll_race_worker: the analysed inputs of
// one enrollment (ID photo check and live result, computed once by the test from the demo
// media), written to a file in the test's temporary directory and read back by each worker.

#include "enroll/EnrollTypes.h"

#include <QDataStream>
#include <QFile>
#include <QString>

namespace fe::enroll::test {

inline void writeTemplate(QDataStream& out, const vision::FaceTemplate& t)
{
    out << QString::fromStdString(t.modelId) << QString::fromStdString(t.modelVersion)
        << static_cast<quint32>(t.values.size());
    for (float v : t.values)
        out << v;
}

inline vision::FaceTemplate readTemplate(QDataStream& in)
{
    vision::FaceTemplate t;
    QString id, version;
    quint32 n = 0;
    in >> id >> version >> n;
    t.modelId = id.toStdString();
    t.modelVersion = version.toStdString();
    t.values.resize(n);
    for (float& v : t.values)
        in >> v;
    return t;
}

inline void writeQuality(QDataStream& out, const vision::QualityReport& q)
{
    out << q.passed << q.assessed << static_cast<quint32>(q.measures.size());
    for (const auto& m : q.measures)
        out << static_cast<qint32>(m.id) << m.value << m.passed;
}

inline vision::QualityReport readQuality(QDataStream& in)
{
    vision::QualityReport q;
    quint32 n = 0;
    in >> q.passed >> q.assessed >> n;
    for (quint32 i = 0; i < n; ++i) {
        qint32 id = 0;
        vision::MeasureResult m{vision::QualityMeasureId::FaceCount};
        in >> id >> m.value >> m.passed;
        m.id = static_cast<vision::QualityMeasureId>(id);
        q.measures.push_back(m);
    }
    return q;
}

inline QByteArray bytes(const std::vector<unsigned char>& v)
{
    return QByteArray(reinterpret_cast<const char*>(v.data()), static_cast<qsizetype>(v.size()));
}

inline std::vector<unsigned char> vec(const QByteArray& b)
{
    return {b.begin(), b.end()};
}

inline bool writeInputs(const QString& path, const IdPhotoCheck& id, const LiveResult& live)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !live.portrait)
        return false;
    QDataStream out(&f);
    out << static_cast<qint32>(id.faceCount) << bytes(id.jpeg);
    writeTemplate(out, id.faceTemplate);
    writeQuality(out, id.quality);
    out << static_cast<qint32>(live.liveness.verdict) << live.liveness.passiveScore;
    out << bytes(live.portrait->jpeg);
    writeTemplate(out, live.portrait->faceTemplate);
    writeQuality(out, live.portrait->quality);
    out << live.portrait->passedQualityGate;
    return out.status() == QDataStream::Ok;
}

inline bool readInputs(const QString& path, IdPhotoCheck& id, LiveResult& live)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QDataStream in(&f);
    qint32 faces = 0;
    QByteArray jpeg;
    in >> faces >> jpeg;
    id.faceCount = faces;
    id.jpeg = vec(jpeg);
    id.faceTemplate = readTemplate(in);
    id.quality = readQuality(in);
    id.guidance = vision::Guidance::Ok;
    qint32 verdict = 0;
    in >> verdict >> live.liveness.passiveScore;
    live.liveness.verdict = static_cast<liveness::Verdict>(verdict);
    liveness::Portrait p;
    in >> jpeg;
    p.jpeg = vec(jpeg);
    p.faceTemplate = readTemplate(in);
    p.quality = readQuality(in);
    in >> p.passedQualityGate;
    live.portrait = std::move(p);
    return in.status() == QDataStream::Ok;
}

} // namespace fe::enroll::test
