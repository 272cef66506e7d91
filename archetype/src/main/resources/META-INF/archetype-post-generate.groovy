// A file named ".gitignore" does not survive packaging an archetype, so it ships as "gitignore".
import java.nio.file.Files
import java.nio.file.Paths
import java.nio.file.StandardCopyOption

def project = Paths.get(request.outputDirectory, request.artifactId)
Files.move(project.resolve('gitignore'), project.resolve('.gitignore'), StandardCopyOption.REPLACE_EXISTING)
