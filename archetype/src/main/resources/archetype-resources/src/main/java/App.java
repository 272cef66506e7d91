package ${package};

/** Entry point of a new chorm project. */
public final class App {
    private App() {
    }

    /** Run the application. */
    public static void main(String[] args) {
        System.out.println("chorm project ${artifactId}");
    }
}
